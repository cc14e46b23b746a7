import { afterEach, describe, expect, it } from 'vitest';
import { getExportAudit } from '@/lib/db/exports';
import { EXPORT_ID_HEADER } from '@/lib/exports/http';
import { ApiError } from '@/lib/http/api-error';
import { balanceTransactionsRequests, exportEnvPerSuite, parseCsv } from './support';

// After the shared support's `0`: this file is about retries. serverEnv() is read lazily, so this wins.
process.env.PROVIDER_MAX_RETRIES = '3';

const env = exportEnvPerSuite();
const SEARCH = 'from=2024-03-01&to=2024-03-31&columns=id,amount';

/** Reads the body to its end; `failed` when the stream errored instead of ending. */
async function drain(response: Response, afterFirstChunk?: () => void) {
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  for (let chunks = 0; ; chunks += 1) {
    if (chunks === 1) afterFirstChunk?.();
    const result = await reader.read().catch((error: unknown) => ({ error }));
    if ('error' in result) return { text, failed: true };
    if (result.done) return { text, failed: false };
    text += decoder.decode(result.value, { stream: true });
  }
}

describe('CSV export with provider failures', () => {
  afterEach(() => env.sandbox.faults.clear());

  it('completes exactly when rate limits clear within the retries', async () => {
    const bench = env.connection('bench');
    const clean = await drain(await env.start(bench, SEARCH));
    const response = await env.start(bench, SEARCH);
    const faulty = await drain(response, () =>
      env.sandbox.faults.add({ provider: 'shopline', account: 'bench', path: 'balance_transactions.json', kind: 'rate_limit', times: 2 }),
    );
    expect(env.sandbox.faults.list()).toHaveLength(0);
    expect(faulty.failed).toBe(false);
    expect(faulty.text).toBe(clean.text);
    expect(parseCsv(faulty.text).records.length).toBeGreaterThan(30_000);
    const audit = await getExportAudit(env.db, env.user.organizationId, response.headers.get(EXPORT_ID_HEADER) ?? '');
    expect(audit?.outcome).toBe('completed');
  });

  it('aborts the transfer when the provider keeps failing midway: never a short file that ends cleanly', async () => {
    const bench = env.connection('bench');
    const complete = parseCsv((await drain(await env.start(bench, SEARCH))).text).records.length;
    const response = await env.start(bench, SEARCH);
    const cut = await drain(response, () =>
      env.sandbox.faults.add({ provider: 'shopline', account: 'bench', path: 'balance_transactions.json', kind: 'status', status: 503 }),
    );
    expect(cut.failed).toBe(true);
    const written = parseCsv(cut.text).records.length;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(complete);
    const audit = await getExportAudit(env.db, env.user.organizationId, response.headers.get(EXPORT_ID_HEADER) ?? '');
    expect(audit).toMatchObject({ outcome: 'failed', rowCount: written });
    expect(audit?.errorMessage).toContain('unavailable');
  });

  it('answers a failure on the first page with a JSON error and records it', async () => {
    const before = balanceTransactionsRequests(env.requests);
    env.sandbox.faults.add({ provider: 'shopline', account: 'acme', path: 'balance_transactions.json', kind: 'status', status: 503 });
    const error = await env.start(env.connection('acme-shopline'), '').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: 'provider_error' });
    expect(balanceTransactionsRequests(env.requests) - before).toBe(4);
  });
});
