import { z } from 'zod';

/** One page of a walked list; `searching` means the server stopped at its budget, not at the end; isomorphic. */
export const pageFields = {
  nextCursor: z.string().nullable(),
  previousCursor: z.string().nullable(),
  searching: z.boolean(),
  scannedRows: z.number().int().nonnegative(),
  providerPages: z.number().int().nonnegative(),
};
