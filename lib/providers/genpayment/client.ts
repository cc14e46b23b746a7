import 'server-only';
import { errorBodySchema, balanceResponseSchema, type GenpaymentCredentials, type GenpaymentSettings } from './schemas';
import { requestJson, resolveHttpOptions } from '../http';
import type { ClientInput, ProviderClient } from '../types';
import { endpoint } from '../url';
import { mapBalance } from './map';

const provider = 'genpayment';
export const API_PATH = 'api/202412/';

function errorText(body: unknown): string | null {
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}

export function createGenpaymentClient(input: ClientInput<GenpaymentSettings, GenpaymentCredentials>): ProviderClient {
  const http = resolveHttpOptions(input.http);
  const { accessToken } = input.credentials;
  const call = { provider, http, secrets: [accessToken], parseErrorBody: errorText } as const;
  return {
    provider,
    transactions: null,
    payouts: null,
    // GET /api/202412/balance
    async getBalances(ctx) {
      const url = endpoint(input.baseUrl, `${API_PATH}balance`);
      const headers = { 'X-Genstore-Access-Token': accessToken };
      const res = await requestJson({ ...call, method: 'GET', url, headers, schema: balanceResponseSchema, signal: ctx?.signal, priority: ctx?.priority });
      return [mapBalance(res.data.balance, { provider, traceId: res.traceId, timeZone: input.timestampZone, receivedAt: new Date() })];
    },
  };
}
