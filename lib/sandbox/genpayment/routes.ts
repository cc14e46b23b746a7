import type { Fault } from '../faults';
import { intBetween, saltOf, digits } from '../hash';
import { headerValue, jsonResponse, type SandboxRequest, type SandboxResponse } from '../http';
import { currencyExponent, formatCurrencyMinor } from '../money';
import { replaceFirstAmount, type ProviderSimulator, type SimulatorContext } from '../provider';
import { Buckets, TokenBucket } from '../ratelimit';
import { GENPAYMENT_ACCOUNTS, type GenPaymentAccount } from './accounts';

const CAPACITY = 40;
const REFILL_PER_SECOND = 2;
const RATE_HEADER = 'x-genstore-shop-api-rate-limit';
const BALANCE_PATH = '/api/202412/balance';

// Scopes granted to each shop's token; `noscope` installed the app without finance access.
const TOKEN_SCOPES: Readonly<Record<string, readonly string[]>> = {
  noscope: ['read_products', 'read_orders'],
};
const DEFAULT_SCOPES = ['read_orders', 'read_finance_account'];

const ERRORS = {
  401: '[API] Invalid API key or access token (unrecognized login or wrong password)',
  403: '[API] This action requires merchant approval for read_finance_account scope.',
  404: 'Not Found',
  405: 'Method Not Allowed',
  429: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.',
} as const;

function shopAccount(shop: string | undefined): GenPaymentAccount | undefined {
  return GENPAYMENT_ACCOUNTS.find((a) => a.shop === shop);
}

export class GenPaymentSimulator implements ProviderSimulator {
  readonly provider = 'genpayment' as const;
  readonly accountInPath = true;
  private readonly buckets = new Buckets(() => new TokenBucket(CAPACITY, REFILL_PER_SECOND));

  constructor(private readonly ctx: SimulatorContext) {}

  faultAccount(req: SandboxRequest): string | undefined {
    return req.account;
  }

  handle(req: SandboxRequest): SandboxResponse {
    const account = shopAccount(req.account);
    if (!account) return this.error(404, ERRORS[404]);
    if (this.ctx.rateLimits) {
      const { ok, used } = this.buckets.get(account.shop).take();
      if (!ok) return this.error(429, ERRORS[429], used);
    }
    if (req.path !== BALANCE_PATH) return this.error(404, ERRORS[404]);
    if (req.method !== 'GET') return this.error(405, ERRORS[405]);
    if (headerValue(req.headers, 'x-genstore-access-token') !== account.accessToken) {
      return this.error(401, ERRORS[401]);
    }
    const scopes = TOKEN_SCOPES[account.shop] ?? DEFAULT_SCOPES;
    if (!scopes.includes('read_finance_account') && !scopes.includes('write_finance_account')) {
      return this.error(403, ERRORS[403]);
    }
    return jsonResponse(200, { balance: this.balanceOf(account) });
  }

  faultResponse(fault: Fault): SandboxResponse {
    if (fault.kind === 'rate_limit') return this.error(429, ERRORS[429], CAPACITY);
    const status = fault.status ?? 500;
    return this.error(status, status === 401 ? ERRORS[401] : `Sandbox fault: HTTP ${status}`);
  }

  corruptAmount(body: string): string | undefined {
    return replaceFirstAmount(body, ['settlementedAmount', 'settlingAmount'], '12,34');
  }

  finalize(res: SandboxResponse, req: SandboxRequest): SandboxResponse {
    if (res.headers[RATE_HEADER] !== undefined) return res;
    const used = shopAccount(req.account) ? this.buckets.get(req.account ?? '').peekUsed() : 0;
    return { ...res, headers: { ...res.headers, [RATE_HEADER]: `${used}/${CAPACITY}` } };
  }

  private error(status: number, message: string, used?: number): SandboxResponse {
    const headers: Record<string, string> = used === undefined ? {} : { [RATE_HEADER]: `${used}/${CAPACITY}` };
    return jsonResponse(status, { error: message }, headers);
  }

  private balanceOf(account: GenPaymentAccount): Record<string, string> {
    const salt = saltOf(`genpayment:${account.shop}`);
    // Generated in major units then scaled, so JPY and USD balances are both plausible.
    const scale = 10n ** BigInt(currencyExponent(account.currency));
    const majorScale = account.currency === 'JPY' ? 120 : 1;
    const settlingMajor = intBetween(this.ctx.seed, salt, 0, 1, 350, 18_000) * majorScale;
    const settledMajor = intBetween(this.ctx.seed, salt, 0, 2, 1_200, 64_000) * majorScale;
    const cents = (field: number): bigint => (scale === 1n ? 0n : BigInt(intBetween(this.ctx.seed, salt, 0, field, 0, 99)));
    return {
      settlingAmount: formatCurrencyMinor(BigInt(settlingMajor) * scale + cents(3), account.currency),
      settlementedAmount: formatCurrencyMinor(BigInt(settledMajor) * scale + cents(4), account.currency),
      financeId: `FI${digits(0, salt, 0, 5, 12)}`,
      currency: account.currency,
    };
  }
}
