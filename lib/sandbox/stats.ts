/** What one account's traffic looked like from the provider's side. */
export interface AccountStats {
  requests: number;
  /** Answers with HTTP 429, whether from the simulated limit or a rate_limit fault. */
  rateLimited: number;
  byPath: Record<string, { requests: number; rateLimited: number }>;
  /** Arrival times (epoch ms) of the latest requests, oldest first, for rate measurements. */
  arrivals: number[];
  /** Of the latest list answers with rows: their newest and oldest row times (epoch ms), oldest answer first. */
  pages: [number, number][];
}

const MAX_ARRIVALS = 2_000;

/** Requests served and 429s sent, per `provider:account`; read and reset over `/__sandbox/stats`. */
export class SandboxStats {
  private accounts = new Map<string, AccountStats>();

  record(entry: {
    provider: string;
    account: string | undefined;
    path: string;
    status: number;
    at: number;
    rowTimes?: readonly [number, number];
  }): void {
    const key = `${entry.provider}:${entry.account ?? '-'}`;
    let stats = this.accounts.get(key);
    if (!stats) {
      stats = { requests: 0, rateLimited: 0, byPath: {}, arrivals: [], pages: [] };
      this.accounts.set(key, stats);
    }
    const limited = entry.status === 429 ? 1 : 0;
    stats.requests += 1;
    stats.rateLimited += limited;
    const path = (stats.byPath[entry.path] ??= { requests: 0, rateLimited: 0 });
    path.requests += 1;
    path.rateLimited += limited;
    stats.arrivals.push(entry.at);
    if (stats.arrivals.length > MAX_ARRIVALS) stats.arrivals.splice(0, stats.arrivals.length - MAX_ARRIVALS);
    if (entry.rowTimes) stats.pages.push([entry.rowTimes[0], entry.rowTimes[1]]);
    if (stats.pages.length > MAX_ARRIVALS) stats.pages.splice(0, stats.pages.length - MAX_ARRIVALS);
  }

  snapshot(): { accounts: Record<string, AccountStats>; totals: { requests: number; rateLimited: number } } {
    const accounts = Object.fromEntries(this.accounts);
    let requests = 0;
    let rateLimited = 0;
    for (const stats of this.accounts.values()) {
      requests += stats.requests;
      rateLimited += stats.rateLimited;
    }
    return { accounts, totals: { requests, rateLimited } };
  }

  reset(): void {
    this.accounts = new Map();
  }
}
