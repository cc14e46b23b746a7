import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db/open';
import { createOrganization } from '@/lib/db/organizations';
import { sandboxBaseUrl } from '@/lib/sandbox';
import { sandboxConnectionConfig } from '@/lib/sandbox/accounts';
import { account, sandboxPerSuite } from '../providers/support';

const KEY = Buffer.alloc(32, 9).toString('base64');
const sandbox = sandboxPerSuite();
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fundsight-cli-'));
  const db = await openDb({ kind: 'pglite', dataDir });
  await createOrganization(db, { name: 'Acme', slug: 'acme' });
  await db.close();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function cli(args: string[], input = '', env: Record<string, string> = { FUNDSIGHT_ENCRYPTION_KEY: KEY }, conditions = true) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const flags = conditions ? ['--conditions=react-server'] : [];
    const merged: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', PGLITE_DATA_DIR: dataDir, FUNDSIGHT_LOG: 'silent', ...env };
    // An empty value means "not set" here: the CLI must see the variable absent.
    for (const name of ['DATABASE_URL', 'REDIS_URL', ...Object.keys(env)]) if (!merged[name]) delete merged[name];
    const child = spawn('npx', ['tsx', ...flags, 'scripts/add-connection.ts', ...args], { env: merged });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}

describe('the connection CLI', () => {
  it('says how to run it when started without the server conditions', async () => {
    const result = await cli(['list', '--org', 'acme'], '', { FUNDSIGHT_ENCRYPTION_KEY: KEY }, false);
    expect(result.code).toBe(2);
    expect(result.err).toContain('npm run connections');
  });

  it('refuses to run without FUNDSIGHT_ENCRYPTION_KEY', async () => {
    const result = await cli(['list', '--org', 'acme'], '', { FUNDSIGHT_ENCRYPTION_KEY: '' });
    expect(result.code).toBe(2);
    expect(result.err).toContain('FUNDSIGHT_ENCRYPTION_KEY is not set');
  });

  it('adds (secrets on stdin, tested first, checked like the form), lists without secrets, updates and removes', async () => {
    const store = account('shopline', 'acme-shopline');
    const { credentials } = sandboxConnectionConfig(store);
    const baseUrl = sandboxBaseUrl(sandbox.sandbox.url, store);
    const common = ['--org', 'acme', '--provider', 'shopline', '--setting', `handle=${store.handle}`, '--base-url', baseUrl];

    const wrong = await cli(['add', ...common, '--label', 'Wrong'], JSON.stringify({ accessToken: 'not-it' }));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/test: .*401/);

    const doubled = await cli(['add', ...common.slice(0, -1), `${baseUrl}/admin/openapi`, '--label', 'Doubled'], `accessToken=${credentials.accessToken}\n`);
    expect(doubled.err).toMatch(/baseUrl: Leave the API path "\/admin\/openapi" out/);

    const added = await cli(['add', ...common, '--label', 'Acme SHOPLINE'], `accessToken=${credentials.accessToken}\n`);
    expect(added.err).toBe('');
    expect(added.out).toMatch(/Connected: .*\nAdded shopline connection "Acme SHOPLINE" \(conn_[0-9a-f]{32}\)/);
    const id = /\((conn_[0-9a-f]{32})\)/.exec(added.out)?.[1] ?? '';

    const listed = await cli(['list', '--org', 'acme']);
    expect(listed.out).toContain(`${id}  shopline  "Acme SHOPLINE"  handle=${store.handle}`);
    expect(listed.out).not.toContain(credentials.accessToken ?? '');

    expect((await cli(['update', '--org', 'acme', '--id', id, '--label', 'Renamed', '--disable'])).code).toBe(0);
    expect((await cli(['list', '--org', 'acme'])).out).toMatch(/"Renamed" .* disabled/);
    expect((await cli(['remove', '--org', 'acme', '--id', id])).err).toContain('add --yes');
    expect((await cli(['remove', '--org', 'acme', '--id', id, '--yes'])).code).toBe(0);
    expect((await cli(['list', '--org', 'acme'])).out).not.toContain(id);
  }, 180_000);
});
