import { z } from 'zod';

/** How amounts travel in every DTO: an exact decimal string next to a currency code; isomorphic. */

/** Exact decimal string in major units, as produced by toDecimalString. */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string');

export const currencyCode = z.string().regex(/^[A-Z]{3}$/);
