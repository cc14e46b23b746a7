import 'server-only';
import { toCurrency, type CurrencyCode } from '@/lib/domain/currencies';
import { parseMoney, type Money } from '@/lib/domain/money';
import type { ProviderError } from './errors';
import { badResponse } from './http-errors';
import type { ProviderId } from '@/lib/domain/provider-ids';

export interface MapContext {
  readonly provider: ProviderId;
  readonly traceId: string | null;
}

const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A short quote of a bad value for the message; long values are cut so no payload is dumped. */
function quote(value: string): string {
  return JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value);
}

/**
 * Readers for wire values that throw a bad_response naming the field instead of returning partial data.
 * `locate` spells out a field's full path (`transactions[3].amount`) only when its value is wrong, so a
 * list mapper can pass short names and keep its position in a variable instead of building a path per field.
 */
export function wireReader(ctx: MapContext, locate: (field: string) => string = (field) => field) {
  const fail = (what: string): ProviderError => badResponse(ctx.provider, what, { traceId: ctx.traceId });
  return {
    fail,
    /** The field's full path, for messages a mapper builds itself. */
    locate,
    currency(value: string, field: string): CurrencyCode {
      try {
        return toCurrency(value);
      } catch {
        throw fail(`an unknown currency ${quote(value)} in ${locate(field)}`);
      }
    },
    money(value: string, currency: CurrencyCode, field: string): Money {
      try {
        return parseMoney(value, currency);
      } catch {
        throw fail(`an invalid ${currency} amount ${quote(value)} in ${locate(field)}`);
      }
    },
    /** An ISO 8601 date-time, kept as sent (with the provider's offset). */
    timestamp(value: string, field: string): string {
      if (!ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) throw fail(`an invalid date-time ${quote(value)} in ${locate(field)}`);
      return value;
    },
    /** An exact decimal kept as text (rates are not money). */
    decimal(value: string, field: string): string {
      if (!DECIMAL.test(value.trim())) throw fail(`a value that is not a decimal ${quote(value)} in ${locate(field)}`);
      return value.trim();
    },
  };
}

export type WireReader = ReturnType<typeof wireReader>;

/** Empty strings mean "not set" in these APIs. */
export function optional(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
