// One Fundsight server instance's provider path (database, budgets, cache, token store from the
// environment, exactly as the app reads them) behind a tiny HTTP server, for the multi-instance test.
// Run: tsx --conditions=react-server tests/integration/budget/instance.ts (PORT, DATABASE_URL, REDIS_URL, ...)
import { createServer } from 'node:http';
import { loadOverview } from '@/lib/balances/service';
import { listOrganizationConnections, loadConnection } from '@/lib/connections/load';
import { ApiError } from '@/lib/http/api-error';
import { transactionsQuerySchema } from '@/lib/list-query/transactions';
import { listTransactions } from '@/lib/transactions/service';

async function answer(url: URL): Promise<{ status: number; body: unknown }> {
  const org = url.searchParams.get('org') ?? '';
  if (url.pathname === '/overview') {
    const refresh = url.searchParams.get('refresh') === '1';
    return { status: 200, body: await loadOverview(org, await listOrganizationConnections(org), { refresh }) };
  }
  if (url.pathname === '/transactions') {
    const connection = await loadConnection(org, url.searchParams.get('connection') ?? '');
    return { status: 200, body: await listTransactions(connection, transactionsQuerySchema.parse({ limit: '5' })) };
  }
  return { status: 404, body: { error: { code: 'not_found' } } };
}

const server = createServer((req, res) => {
  answer(new URL(req.url ?? '/', 'http://instance.invalid'))
    .catch((error: unknown) =>
      error instanceof ApiError
        ? { status: error.status, body: { error: { code: error.code, message: error.message, ...error.details } } }
        : { status: 500, body: { error: { code: 'internal', message: error instanceof Error ? error.message : 'unknown' } } },
    )
    .then(({ status, body }) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.info('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
