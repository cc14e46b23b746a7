import { z } from 'zod';
import { PROVIDER_IDS } from '@/lib/domain/provider-ids';

/** The organization's connections as the API answers them: no settings, no credentials; isomorphic. */
export const connectionDtoSchema = z.object({
  id: z.string(),
  label: z.string(),
  provider: z.enum(PROVIDER_IDS),
  providerName: z.string(),
  capabilities: z.object({ balances: z.literal(true), transactions: z.boolean(), payouts: z.boolean() }),
});

export const connectionsResponseSchema = z.object({ connections: z.array(connectionDtoSchema) });

export type ConnectionDto = z.infer<typeof connectionDtoSchema>;
export type ConnectionsResponseDto = z.infer<typeof connectionsResponseSchema>;
