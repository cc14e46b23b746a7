// Benchmark: latency of GET /api/connections/:id/transactions against the sandbox, next to the same
// provider calls made directly with the provider client. Prints p50/p95 and the route's overhead.
// Run after `npx next build`: npx tsx --conditions=react-server scripts/bench-transactions.ts [--requests 200] [--no-rate-limits]
// The sandbox's documented limits are on unless --no-rate-limits: then every figure includes waiting for
// SHOPLINE's budget (4/s per store), and the floor that limit sets is printed next to it.
import { parseArgs } from 'node:util';
import { createProviderClient } from '@/lib/providers/registry';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl } from '@/lib/sandbox/accounts';
import { launch } from './launch.mjs';
import { drainBucket, limitFloorSeconds, limitsNote, shoplineBudget, SHOPLINE_LIMIT } from './lib/limits';
import { percentile, signInCookie } from './lib/session';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '200' }, 'no-rate-limits': { type: 'boolean', default: false } },
});
const REQUESTS = Number(values.requests);
const LIMITS = !values['no-rate-limits'];
const SIZES = [100, 1000] as const;

async function time(run: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < 10; i += 1) await run(); // warm-up: JIT, connection pools, token caches
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`.padStart(9);

async function main(): Promise<void> {
  const { stop, appUrl, sandboxUrl } = await launch({
    appPort: 3391,
    sandboxPort: 4391,
    dataDir: 'memory://',
    sandboxArgs: LIMITS ? [] : ['--no-rate-limits'],
    extraEnv: { FUNDSIGHT_LOG: 'silent' },
  });
  try {
    const cookie = await signInCookie(appUrl, 'finance@acme.test', 'fundsight-demo');
    const { connections } = (await (await fetch(`${appUrl}/api/connections`, { headers: { Cookie: cookie } })).json()) as {
      connections: { id: string; provider: string }[];
    };
    const shopline = connections.find((c) => c.provider === 'shopline');
    const account = SANDBOX_ACCOUNTS.find((a) => a.key === 'acme-shopline');
    if (!shopline || !account || account.provider !== 'shopline') throw new Error('no SHOPLINE demo account');
    const client = createProviderClient({
      provider: 'shopline',
      baseUrl: sandboxBaseUrl(sandboxUrl, account),
      settings: { handle: account.handle },
      credentials: { accessToken: account.accessToken },
      http: LIMITS ? { budget: shoplineBudget(sandboxBaseUrl(sandboxUrl, account), account.handle) } : {},
    });
    const transactions = client.transactions;
    if (!transactions) throw new Error('SHOPLINE client without transactions');

    console.info(`transactions route vs direct provider call, ${REQUESTS} requests each, first page, ${limitsNote(LIMITS)}`);
    if (LIMITS) {
      const perRequest = 1000 / SHOPLINE_LIMIT.perSecond;
      console.info(
        `floor under the limit: ${REQUESTS + 10} sequential calls take ≥ ${limitFloorSeconds(REQUESTS + 10).toFixed(1)} s, i.e. a p50 ≥ ~${perRequest} ms once the burst is spent`,
      );
    }
    console.info('page size |  route p50 |  route p95 | direct p50 | direct p95 | overhead p50 | overhead p95');
    for (const limit of SIZES) {
      const route = await time(async () => {
        const response = await fetch(`${appUrl}/api/connections/${shopline.id}/transactions?limit=${limit}`, { headers: { Cookie: cookie } });
        const body = (await response.json()) as { items: unknown[] };
        if (!response.ok || body.items.length !== limit) throw new Error(`route answered ${response.status}`);
      });
      if (LIMITS) await drainBucket();
      const direct = await time(async () => {
        const page = await transactions.listTransactions({ limit });
        if (page.items.length !== limit) throw new Error('short page');
      });
      const [r50, r95, d50, d95] = [percentile(route, 50), percentile(route, 95), percentile(direct, 50), percentile(direct, 95)];
      if (LIMITS) await drainBucket();
      console.info(
        `${String(limit).padStart(9)} | ${fmt(r50)}  | ${fmt(r95)}  | ${fmt(d50)}  | ${fmt(d95)}  | ${fmt(r50 - d50)}    | ${fmt(r95 - d95)}`,
      );
    }
  } finally {
    stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
