import { randomUUID } from 'node:crypto';
import { rawJsonResponse, RawNumber, stringifyRaw, type RawJsonValue, type SandboxResponse } from '../http';
import { formatCurrencyMinor } from '../money';
import type { BalanceRow } from './data';

export type EnvelopeStyle = 'documented' | 'wider';

/** Reasons NeoX puts in `msg` / `message`, with the HTTP status the documented envelope uses for them. */
export const REASONS = {
  INVALID_TOKEN: 401,
  INVALID_CLIENT: 401,
  VALIDATION_ERROR: 400,
  RESOURCE_NOT_FOUND: 404,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  TOO_MANY_REQUESTS: 429,
} as const;
export type Reason = keyof typeof REASONS;

/**
 * documented (the .txt page): `{code:"200", msg:"success", success:true, data}`; failures use the HTTP status
 * and `{code:"<status>", msg:"<REASON>", success:false, data:null}`.
 * wider (NeoX's API-family docs): `{code:1, state:2, data, message:"Successful", neoResponseId}`, code 2 on
 * failure with the reason in `message`; business failures (token, validation, not found) answer HTTP 200
 * as that family does, transport-level ones (401 on the token endpoint, 429, 5xx) keep their status.
 * state 2 = "processing finished" in both cases (99 would be "processing").
 */
export function success(style: EnvelopeStyle, data: RawJsonValue): SandboxResponse {
  if (style === 'documented') return json(200, { code: '200', msg: 'success', success: true, data });
  return json(200, { code: 1, state: 2, data, message: 'Successful', neoResponseId: randomUUID() });
}

export function failure(style: EnvelopeStyle, reason: string, status: number, businessLevel: boolean): SandboxResponse {
  if (style === 'documented') return json(status, { code: String(status), msg: reason, success: false, data: null });
  const body = { code: 2, state: 2, message: reason, data: null, neoResponseId: randomUUID() };
  return json(businessLevel ? 200 : status, body);
}

export function reasonFailure(style: EnvelopeStyle, reason: Reason, businessLevel = true): SandboxResponse {
  return failure(style, reason, REASONS[reason], businessLevel);
}

/** Rows in the envelope's amount encoding: decimal strings (documented) or exact JSON numbers (wider). */
export function rowsJson(style: EnvelopeStyle, rows: readonly BalanceRow[], time: string): RawJsonValue {
  return rows.map((row) => {
    const amount = (minor: bigint): RawJsonValue => {
      const text = formatCurrencyMinor(minor, row.currency);
      return style === 'documented' ? text : new RawNumber(text);
    };
    return {
      accountNo: row.accountNo,
      accountType: row.accountType,
      currency: row.currency,
      balance: amount(row.balance),
      availableBalance: amount(row.availableBalance),
      frozenAmount: amount(row.frozenAmount),
      time,
    };
  });
}

/** `yyyy-MM-dd HH:mm:ss` in Hong Kong time (UTC+8), NeoX's home time zone; the docs give no zone. */
export function neoxTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

function json(status: number, value: RawJsonValue): SandboxResponse {
  return rawJsonResponse(status, stringifyRaw(value));
}
