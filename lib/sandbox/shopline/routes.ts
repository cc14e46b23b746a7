import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Fault } from '../faults';
import { bearerToken, jsonResponse, type SandboxRequest, type SandboxResponse } from '../http';
import { replaceFirstAmount, type ProviderSimulator, type RequestHooks, type SimulatorContext } from '../provider';
import { Buckets, LeakyBucket } from '../ratelimit';
import { ShoplineStore } from './data';
import { getBalance, getPayout, listPayouts } from './payouts';
import { storeParams } from './stores';
import { listTransactions } from './transactions';

const API_PREFIX = '/admin/openapi/v20250601/payments/store/';
const BURST = 40;
const LEAK_PER_SECOND = 4;
const TOO_MANY = 'Too many request';

export class ShoplineSimulator implements ProviderSimulator {
  readonly provider = 'shopline' as const;
  readonly accountInPath = true;
  private readonly stores = new Map<string, ShoplineStore>();
  private readonly buckets = new Buckets(() => new LeakyBucket(BURST, LEAK_PER_SECOND));

  constructor(private readonly ctx: SimulatorContext) {}

  /** The store behind a handle, built on first use (construction is O(1): nothing is materialised). */
  store(handle: string | undefined): ShoplineStore | undefined {
    if (handle === undefined) return undefined;
    let store = this.stores.get(handle);
    if (!store) {
      const params = storeParams(handle);
      if (!params) return undefined;
      store = new ShoplineStore(params, this.ctx.seed, this.ctx.anchorSeconds);
      this.stores.set(handle, store);
    }
    return store;
  }

  faultAccount(req: SandboxRequest): string | undefined {
    return req.account;
  }

  handle(req: SandboxRequest, hooks: RequestHooks): SandboxResponse {
    const store = this.store(req.account);
    if (!store) return errors(404, 'Not Found');
    if (this.ctx.rateLimits && !this.buckets.get(store.params.account.handle).take()) return errors(429, TOO_MANY);
    if (bearerToken(req.headers) !== store.params.account.accessToken) {
      return errors(401, '[API] Invalid API key or access token (unrecognized login or wrong password)');
    }
    if (!req.path.startsWith(API_PREFIX)) return errors(404, 'Not Found');
    if (req.method !== 'GET') return errors(405, 'Method Not Allowed');
    switch (req.path.slice(API_PREFIX.length)) {
      case 'balance_transactions.json':
        return listTransactions(store, req, () => hooks.takeDroppedPayouts());
      case 'payouts.json':
        return listPayouts(store, req);
      case 'payout.json':
        return getPayout(store, req);
      case 'balance.json':
        return getBalance(store);
      default:
        return errors(404, 'Not Found');
    }
  }

  faultResponse(fault: Fault): SandboxResponse {
    if (fault.kind === 'rate_limit') return errors(429, TOO_MANY);
    const status = fault.status ?? 500;
    return errors(status, STATUS_CODES[status] ?? 'Error');
  }

  corruptAmount(body: string): string | undefined {
    return replaceFirstAmount(body, ['amount'], '12,34');
  }

  finalize(res: SandboxResponse): SandboxResponse {
    if (res.headers.traceId !== undefined) return res;
    return { ...res, headers: { ...res.headers, traceId: randomBytes(16).toString('hex') } };
  }
}

function errors(status: number, message: string): SandboxResponse {
  return jsonResponse(status, { errors: message });
}
