import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { NEOX_ACCOUNTS, type NeoxAccount } from './accounts';
import type { Fault } from '../faults';
import { bearerToken, headerValue, type SandboxRequest, type SandboxResponse } from '../http';
import { replaceFirstAmount, type ProviderSimulator, type SimulatorContext } from '../provider';
import { Buckets, TokenBucket } from '../ratelimit';
import { ACCOUNT_TYPES, CURRENCIES, balanceRows } from './data';
import { failure, neoxTime, reasonFailure, rowsJson, success, type EnvelopeStyle } from './envelope';

const TOKEN_PATH = '/v2/auth/oauth2/token';
const BALANCE_PATH = '/v2/gc/accounts/balance/query';
const SCOPE = 'global-collection';
const RATE_PER_SECOND = 10;

interface IssuedToken {
  account: NeoxAccount;
  expiresAt: number;
}

const bySubMerchant = (id: string | null | undefined) => NEOX_ACCOUNTS.find((a) => a.subMerchantId === id);
const byClient = (id: unknown) => NEOX_ACCOUNTS.find((a) => a.clientId === id);

export class NeoxSimulator implements ProviderSimulator {
  readonly provider = 'neox' as const;
  readonly accountInPath = false;
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly buckets = new Buckets(() => new TokenBucket(RATE_PER_SECOND, RATE_PER_SECOND));

  constructor(private readonly ctx: SimulatorContext) {}

  /** subMerchantId of the request: from the query, or from client_id on the token endpoint. */
  faultAccount(req: SandboxRequest): string | undefined {
    if (req.path === TOKEN_PATH) return byClient(tokenRequest(req.body)?.client_id)?.subMerchantId;
    return req.query.get('subMerchantId') ?? undefined;
  }

  handle(req: SandboxRequest): SandboxResponse {
    const style = this.styleOf(req);
    if (this.ctx.rateLimits && !this.buckets.get(this.faultAccount(req) ?? '-').take().ok) {
      return reasonFailure(style, 'TOO_MANY_REQUESTS', false);
    }
    if (req.path === TOKEN_PATH) {
      return req.method === 'POST' ? this.issueToken(req, style) : reasonFailure(style, 'METHOD_NOT_ALLOWED', false);
    }
    if (req.path === BALANCE_PATH) {
      return req.method === 'GET' ? this.queryBalance(req, style) : reasonFailure(style, 'METHOD_NOT_ALLOWED', false);
    }
    return reasonFailure(style, 'NOT_FOUND', false);
  }

  faultResponse(fault: Fault, req: SandboxRequest): SandboxResponse {
    const style = this.styleOf(req);
    if (fault.kind === 'rate_limit') return reasonFailure(style, 'TOO_MANY_REQUESTS', false);
    const status = fault.status ?? 500;
    const reason = (STATUS_CODES[status] ?? 'ERROR').toUpperCase().replace(/[^A-Z0-9]+/g, '_');
    return failure(style, reason, status, false);
  }

  corruptAmount(body: string): string | undefined {
    return replaceFirstAmount(body, ['balance', 'availableBalance'], 'abc');
  }

  finalize(res: SandboxResponse): SandboxResponse {
    return res;
  }

  // POST /v2/auth/oauth2/token
  private issueToken(req: SandboxRequest, style: EnvelopeStyle): SandboxResponse {
    const body = tokenRequest(req.body);
    if (!body || body.grant_type !== 'client_credentials' || body.scope !== SCOPE) {
      return reasonFailure(style, 'VALIDATION_ERROR');
    }
    const account = byClient(body.client_id);
    if (!account || body.client_secret !== account.clientSecret) {
      return reasonFailure(style, 'INVALID_CLIENT', false);
    }
    const accessToken = randomBytes(32).toString('base64url');
    const now = Date.now();
    for (const [token, issued] of this.tokens) if (issued.expiresAt < now - 3_600_000) this.tokens.delete(token);
    this.tokens.set(accessToken, { account, expiresAt: now + this.ctx.neoxTokenTtlSeconds * 1000 });
    return success(style, {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: this.ctx.neoxTokenTtlSeconds,
      scope: SCOPE,
    });
  }

  // GET /v2/gc/accounts/balance/query?subMerchantId=&accountType=&currency=
  private queryBalance(req: SandboxRequest, style: EnvelopeStyle): SandboxResponse {
    const token = bearerToken(req.headers);
    const issued = token === undefined ? undefined : this.tokens.get(token);
    if (!issued || issued.expiresAt <= Date.now()) return reasonFailure(style, 'INVALID_TOKEN');
    // NeoX lists Content-Type: application/json as a required header of its calls, GETs included.
    if (!/^application\/json\s*(?:;|$)/i.test(headerValue(req.headers, 'content-type') ?? '')) {
      return reasonFailure(style, 'VALIDATION_ERROR');
    }
    const subMerchantId = req.query.get('subMerchantId') ?? '';
    const accountType = req.query.get('accountType') ?? '';
    const currency = req.query.get('currency') ?? '';
    if (subMerchantId === '' || subMerchantId.length > 15) return reasonFailure(style, 'VALIDATION_ERROR');
    if (accountType !== '' && !ACCOUNT_TYPES.some((t) => t === accountType)) {
      return reasonFailure(style, 'VALIDATION_ERROR');
    }
    if (currency !== '' && !CURRENCIES.some((c) => c === currency)) return reasonFailure(style, 'VALIDATION_ERROR');
    // A client only sees its own sub-merchant; others are reported as missing rather than forbidden.
    if (issued.account.subMerchantId !== subMerchantId) return reasonFailure(style, 'RESOURCE_NOT_FOUND');
    const rows = balanceRows(issued.account, this.ctx.seed).filter(
      (row) => (accountType === '' || row.accountType === accountType) && (currency === '' || row.currency === currency),
    );
    return success(style, rowsJson(style, rows, neoxTime(new Date())));
  }

  /** The envelope the caller's account speaks; unknown callers get the documented one. */
  private styleOf(req: SandboxRequest): EnvelopeStyle {
    const token = bearerToken(req.headers);
    const issued = token === undefined ? undefined : this.tokens.get(token);
    const account = issued?.account ?? bySubMerchant(this.faultAccount(req));
    return account?.envelope ?? 'documented';
  }
}

function tokenRequest(body: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
