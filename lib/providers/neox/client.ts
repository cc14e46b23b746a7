import 'server-only';
import type { z } from 'zod';
import type { ProviderErrorKind } from '../errors';
import { isProviderError } from '../errors';
import { badResponse } from '../http-errors';
import { requestJson, resolveHttpOptions, type EnvelopeFailure, type JsonRequest } from '../http';
import { JsonNumber, parseJsonLossless } from '../json';
import type { CallContext, ClientInput, ProviderClient } from '../types';
import { endpoint } from '../url';
import { mapBalances } from './map';
import {
  balanceResponseSchema,
  errorBodySchema,
  tokenResponseSchema,
  type Envelope,
  type NeoxCredentials,
  type NeoxSettings,
} from './schemas';
import { tokenSource } from './token';

const provider = 'neox';

const REASON_KINDS: Readonly<Record<string, ProviderErrorKind>> = {
  INVALID_TOKEN: 'auth',
  TOKEN_EXPIRED: 'auth',
  UNAUTHORIZED: 'auth',
  INVALID_CLIENT: 'auth',
  FORBIDDEN: 'forbidden',
  SUB_MERCHANT_NOT_ACTIVATED: 'forbidden',
  RESOURCE_NOT_FOUND: 'not_found',
  VALIDATION_ERROR: 'invalid_request',
  TOO_MANY_REQUESTS: 'rate_limited',
};

/** A 2xx envelope that is not a success: code 99 (processing) is retried, code 2 maps by its reason. */
export function envelopeFailure(envelope: Envelope<unknown>): EnvelopeFailure | null {
  if (envelope.outcome === 'success') return null;
  if (envelope.outcome === 'processing') {
    return { kind: 'unavailable', detail: envelope.reason ?? 'still processing', retryable: true };
  }
  const reason = envelope.reason ?? 'request failed';
  const kind = REASON_KINDS[reason.trim().toUpperCase()] ?? 'invalid_request';
  return { kind, detail: reason, retryable: kind === 'rate_limited' };
}

function errorText(body: unknown): string | null {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return null;
  const { message, msg, error_description, error } = parsed.data;
  return message ?? msg ?? error_description ?? error ?? null;
}

function responseId(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('neoResponseId' in body)) return null;
  const id = body.neoResponseId;
  if (typeof id === 'string') return id || null;
  return id instanceof JsonNumber ? id.source : null;
}

export function createNeoxClient(input: ClientInput<NeoxSettings, NeoxCredentials>): ProviderClient {
  const http = resolveHttpOptions(input.http);
  const { clientId, clientSecret } = input.credentials;

  function call<T>(
    req: Pick<JsonRequest<Envelope<T>>, 'method' | 'url' | 'headers' | 'body' | 'signal' | 'priority' | 'secrets'>,
    schema: z.ZodType<Envelope<T>>,
  ) {
    return requestJson({
      ...req,
      provider,
      schema,
      http,
      parseJson: parseJsonLossless,
      parseErrorBody: errorText,
      traceIdFromBody: responseId,
      checkBody: envelopeFailure,
    });
  }

  const tokens = tokenSource({
    store: input.tokenStore,
    baseUrl: input.baseUrl,
    clientId,
    clientSecret,
    // POST /v2/auth/oauth2/token
    async issue() {
      const res = await call(
        {
          method: 'POST',
          url: endpoint(input.baseUrl, 'v2/auth/oauth2/token'),
          body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'global-collection' },
          secrets: [clientSecret],
        },
        tokenResponseSchema,
      );
      const data = res.data.data;
      if (!data) throw badResponse(provider, 'a token response without data', { traceId: res.traceId });
      return { accessToken: data.access_token, expiresInSeconds: data.expires_in };
    },
  });

  // GET /v2/gc/accounts/balance/query
  async function queryBalances(accessToken: string, ctx?: CallContext) {
    const url = endpoint(input.baseUrl, 'v2/gc/accounts/balance/query', { subMerchantId: input.settings.subMerchantId });
    // NeoX's request headers list Content-Type: application/json on every call, a GET without a body included.
    const headers = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };
    const res = await call(
      { method: 'GET', url, headers, signal: ctx?.signal, priority: ctx?.priority, secrets: [clientSecret, accessToken] },
      balanceResponseSchema,
    );
    return mapBalances(res.data.data ?? [], { provider, traceId: res.traceId, timeZone: input.settings.timeZone ?? input.timestampZone });
  }

  return {
    provider,
    transactions: null,
    payouts: null,
    async getBalances(ctx) {
      const token = await tokens.get(ctx?.signal);
      try {
        return await queryBalances(token, ctx);
      } catch (error) {
        if (!isProviderError(error) || error.kind !== 'auth') throw error;
        // The cached token was revoked or expired early: one retry with a fresh one.
        await tokens.invalidate(token);
        return queryBalances(await tokens.get(ctx?.signal), ctx);
      }
    },
  };
}
