import { z } from 'zod';
import { PROVIDER_IDS, type ProviderId } from '@/lib/domain/provider-ids';

/** A provider the sandbox may simulate: a fault naming one it does not simulate never matches a request. */
export type SandboxProvider = ProviderId;
export type FaultKind = 'status' | 'rate_limit' | 'delay' | 'malformed_json' | 'bad_amount' | 'drop_transaction' | 'link_style' | 'payout_status' | 'time_style';
/** Documented spellings of the `link` header: the whole value in double quotes with a bare rel, or spaces inside `< >`. */
export type LinkStyle = 'quoted' | 'spaced';
/** NeoX `time` as ISO 8601 with its offset (`2024-05-01T12:30:45+08:00`) instead of the documented form. */
export type TimeStyle = 'iso_offset';

export type Fault = {
  provider: SandboxProvider;
  /** Shop (GenPayment), handle (SHOPLINE) or subMerchantId (NeoX); omitted = every account of the provider. */
  account?: string;
  /** Substring of the request path, e.g. 'balance_transactions.json' or 'oauth2/token'. */
  path?: string;
  kind: FaultKind;
  status?: number;
  delayMs?: number;
  payoutId?: string;
  /** For link_style and time_style. */
  style?: LinkStyle | TimeStyle;
  /** For payout_status: the status every SHOPLINE payout and transaction of the answer reports instead. */
  value?: string;
  /** Matching requests affected before the fault expires; omitted = until cleared. */
  times?: number;
  /** A Retry-After header (seconds or an HTTP date) on a 'status' or 'rate_limit' answer. */
  retryAfter?: string;
};

export const faultSchema = z
  .object({
    provider: z.enum(PROVIDER_IDS),
    account: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    kind: z.enum(['status', 'rate_limit', 'delay', 'malformed_json', 'bad_amount', 'drop_transaction', 'link_style', 'payout_status', 'time_style']),
    status: z.number().int().min(100).max(599).optional(),
    delayMs: z.number().int().min(0).max(600_000).optional(),
    payoutId: z.string().regex(/^\d{1,40}$/).optional(),
    style: z.enum(['quoted', 'spaced', 'iso_offset']).optional(),
    value: z.string().regex(/^[\w ]{1,40}$/).optional(),
    times: z.number().int().min(1).optional(),
    retryAfter: z.string().min(1).max(64).optional(),
  })
  .strict()
  .refine((f) => f.kind !== 'status' || f.status !== undefined, { message: "kind 'status' needs status" })
  .refine((f) => f.kind !== 'delay' || f.delayMs !== undefined, { message: "kind 'delay' needs delayMs" })
  .refine((f) => f.kind !== 'drop_transaction' || f.payoutId !== undefined, {
    message: "kind 'drop_transaction' needs payoutId",
  })
  .refine((f) => f.kind !== 'link_style' || f.style === 'quoted' || f.style === 'spaced', {
    message: "kind 'link_style' needs style 'quoted' or 'spaced'",
  })
  .refine((f) => f.kind !== 'time_style' || f.style === 'iso_offset', { message: "kind 'time_style' needs style 'iso_offset'" })
  .refine((f) => f.kind !== 'payout_status' || f.value !== undefined, { message: "kind 'payout_status' needs value" });

export interface FaultController {
  add(fault: Fault): void;
  clear(): void;
  list(): readonly Fault[];
}

/** What a request is, as far as fault matching is concerned. */
export interface FaultTarget {
  provider: SandboxProvider;
  account: string | undefined;
  path: string;
}

interface Entry {
  fault: Fault;
  remaining: number;
}

const SHORT_CIRCUIT: readonly FaultKind[] = ['status', 'rate_limit'];
const TRANSFORM: readonly FaultKind[] = ['malformed_json', 'bad_amount', 'payout_status', 'time_style'];

export class FaultRegistry implements FaultController {
  private entries: Entry[] = [];

  add(fault: Fault): void {
    const parsed = faultSchema.parse(fault);
    this.entries.push({ fault: parsed, remaining: parsed.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.entries = [];
  }

  list(): readonly Fault[] {
    return this.entries.map((entry) => entry.fault);
  }

  /** Total delay of every matching delay fault (each consumes one use). */
  takeDelayMs(target: FaultTarget): number {
    return this.takeAll(target, 'delay').reduce((sum, fault) => sum + (fault.delayMs ?? 0), 0);
  }

  /** A fault that replaces the response before the handler runs (status, rate_limit). */
  takeShortCircuit(target: FaultTarget): Fault | undefined {
    return this.takeFirst(target, SHORT_CIRCUIT);
  }

  /** A fault that corrupts a successful response (malformed_json, bad_amount) and `applies` to its body. */
  takeTransform(target: FaultTarget, applies: (fault: Fault) => boolean): Fault | undefined {
    return this.takeFirst(target, TRANSFORM, applies);
  }

  /** How a response's `link` header is spelled; call only when the response carries one. */
  takeLinkStyle(target: FaultTarget): LinkStyle | undefined {
    const style = this.takeFirst(target, ['link_style'])?.style;
    return style === 'quoted' || style === 'spaced' ? style : undefined;
  }

  /** Payout ids whose transaction listing must lose one row for this request. */
  takeDroppedPayouts(target: FaultTarget): string[] {
    if (!target.path.includes('balance_transactions.json')) return [];
    return this.takeAll(target, 'drop_transaction').flatMap((fault) => (fault.payoutId ? [fault.payoutId] : []));
  }

  private matches(entry: Entry, target: FaultTarget): boolean {
    const { fault } = entry;
    return (
      entry.remaining > 0 &&
      fault.provider === target.provider &&
      (fault.account === undefined || fault.account === target.account) &&
      (fault.path === undefined || target.path.includes(fault.path))
    );
  }

  private consume(entry: Entry): Fault {
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.entries = this.entries.filter((other) => other !== entry);
    return entry.fault;
  }

  private takeFirst(
    target: FaultTarget,
    kinds: readonly FaultKind[],
    applies: (fault: Fault) => boolean = () => true,
  ): Fault | undefined {
    const entry = this.entries.find((e) => kinds.includes(e.fault.kind) && this.matches(e, target) && applies(e.fault));
    return entry ? this.consume(entry) : undefined;
  }

  private takeAll(target: FaultTarget, kind: FaultKind): Fault[] {
    return this.entries.filter((e) => e.fault.kind === kind && this.matches(e, target)).map((e) => this.consume(e));
  }
}
