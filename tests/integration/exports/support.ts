import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect } from 'vitest';
import { stripTextMarker } from '@/lib/csv/cells';
import { createConnection } from '@/lib/db/connections';
import { getExportJobById, type ExportJob } from '@/lib/db/export-jobs';
import { addMembership } from '@/lib/db/memberships';
import { createOrganization } from '@/lib/db/organizations';
import type { Db } from '@/lib/db/types';
import { createUser } from '@/lib/db/users';
import type { Role } from '@/lib/auth/roles';
import { exportJobHandler, type ExportJobDeps } from '@/lib/exports/job-run';
import type { ExportJobDto } from '@/lib/exports/job-schema';
import { downloadJob, startExportJob, type JobsContext, type JobUser } from '@/lib/exports/jobs';
import { memoryRunner } from '@/lib/jobs/memory';
import type { LoadedConnection } from '@/lib/connections/client';
import { getConnection } from '@/lib/db/connections';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl, startSandbox, type Sandbox } from '@/lib/sandbox';
import { sandboxConnectionConfig } from '@/lib/sandbox/accounts';
import { openTestDatabase, type DriverKind, type TestDatabase } from '../db/databases';
import { ANCHOR } from '../transactions/support';

export const ORGANIZATION_ZONE = 'America/New_York';

/** Pages paced by the account's budget alone (the sandbox runs without limits here); a failing page is tried again twice, quickly. */
export const testJobDeps = (db: Db, extra: Partial<ExportJobDeps> = {}): ExportJobDeps => ({
  db,
  maxRunning: 3,
  pageRetries: 2,
  retryBaseMs: 20,
  ...extra,
});

export interface ExportEnv {
  readonly sandbox: Sandbox;
  readonly db: Db;
  readonly database: TestDatabase;
  readonly jobs: JobsContext;
  /** A finance user of the organization. */
  readonly user: JobUser;
  /** Paths of every request the sandbox answered, in order. */
  readonly requests: string[];
  /** Another member of the organization with the given role. */
  member(role: Role, email: string): Promise<JobUser>;
  /** The sandbox account as a stored connection of the organization (one per key). */
  connection(key: string): Promise<LoadedConnection>;
  /** Another stored connection to the sandbox account, one of its own (its own kept days). */
  freshConnection(key: string): Promise<LoadedConnection>;
  start(connection: LoadedConnection, search: string, user?: JobUser): Promise<ExportJobDto>;
  /** Polls until the job has ended. */
  settled(jobId: string, timeoutMs?: number): Promise<ExportJobDto['status']>;
  /** Starts, waits, downloads: the file's bytes and the response's headers. */
  exportFile(connection: LoadedConnection, search: string): Promise<{ job: ExportJobDto; bytes: Buffer; headers: Headers }>;
}

/** A sandbox (no rate limits, fixed anchor), a migrated database, an in-process runner and a finance user, per test file. */
export function exportEnvPerSuite(options: { readonly driver?: DriverKind; readonly deps?: Partial<ExportJobDeps> } = {}): ExportEnv {
  const state: { sandbox?: Sandbox; database?: TestDatabase; jobs?: JobsContext; user?: JobUser; stop?: () => Promise<void> } = {};
  const requests: string[] = [];
  const connections = new Map<string, LoadedConnection>();
  /** Fresh connections made so far: each has a label of its own. */
  let made = 0;
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('export environment not started');
    return value;
  };
  const member = async (role: Role, email: string): Promise<JobUser> => {
    const db = need(state.database).db;
    const { organizationId } = need(state.user);
    const user = await createUser(db, { email, name: email, password: 'correct horse battery' });
    await addMembership(db, { userId: user.id, organizationId, role });
    return { userId: user.id, email: user.email, role, organizationId, organizationTimezone: ORGANIZATION_ZONE };
  };
  beforeAll(async () => {
    state.sandbox = await startSandbox({ port: 0, rateLimits: false, anchor: ANCHOR, log: (line) => requests.push(line) });
    state.database = await openTestDatabase(options.driver ?? 'pglite');
    const { db } = state.database;
    const organization = await createOrganization(db, { name: 'Acme', slug: 'acme', timezone: ORGANIZATION_ZONE });
    const user = await createUser(db, { email: 'finance@acme.test', name: 'Avery', password: 'correct horse battery' });
    await addMembership(db, { userId: user.id, organizationId: organization.id, role: 'finance' });
    state.user = { userId: user.id, email: user.email, role: 'finance', organizationId: organization.id, organizationTimezone: ORGANIZATION_ZONE };
    let runner: ReturnType<typeof memoryRunner> | null = null;
    runner = memoryRunner(exportJobHandler(testJobDeps(db, { onEnded: () => runner?.wake(), ...options.deps })));
    state.jobs = { db, runner };
    state.stop = () => runner.close();
    // A sandbox and a migrated database: under a loaded machine this can pass the default 30 s.
  }, 90_000);
  afterAll(async () => {
    await state.stop?.();
    await state.sandbox?.close();
    await state.database?.dispose();
  });
  const stored = async (key: string, suffix: string): Promise<LoadedConnection> => {
    const account = SANDBOX_ACCOUNTS.find((a) => a.key === key);
    if (!account) throw new Error(`no sandbox account ${key}`);
    const base = { organizationId: env.user.organizationId, label: `${account.label} ${key}${suffix}`, baseUrl: sandboxBaseUrl(env.sandbox.url, account) };
    const summary = await createConnection(env.db, { ...base, provider: account.provider, ...sandboxConnectionConfig(account) });
    const loaded = await getConnection(env.db, env.user.organizationId, summary.id);
    if (!loaded) throw new Error('connection not stored');
    return loaded;
  };
  const env: ExportEnv = {
    get sandbox() {
      return need(state.sandbox);
    },
    get db() {
      return need(state.database).db;
    },
    get database() {
      return need(state.database);
    },
    get jobs() {
      return need(state.jobs);
    },
    get user() {
      return need(state.user);
    },
    requests,
    member,
    async connection(key) {
      const existing = connections.get(key) ?? (await stored(key, ''));
      connections.set(key, existing);
      return existing;
    },
    async freshConnection(key) {
      made += 1;
      return stored(key, ` ${made}`);
    },
    start: (connection, search, user) => startExportJob(env.jobs, user ?? env.user, connection.id, new URLSearchParams(search)),
    async settled(jobId, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const job = await getExportJobById(env.db, jobId);
        if (job && job.state !== 'queued' && job.state !== 'running') return job.state === 'completed' ? 'ready' : job.state;
        if (Date.now() > until) throw new Error(`job ${jobId} still ${job?.state ?? 'missing'}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async exportFile(connection, search) {
      const started = await env.start(connection, search);
      expect(await env.settled(started.id)).toBe('ready');
      const response = await downloadJob(env.jobs, env.user, started.id);
      const bytes = Buffer.from(await response.arrayBuffer());
      return { job: started, bytes, headers: response.headers };
    },
  };
  return env;
}

/** The file parsed back: header and records as objects, markers kept (compare with `plain`). */
export function parseCsv(text: string | Buffer, delimiter = ','): { header: string[]; records: Record<string, string>[] } {
  const rows = parse(text, { bom: true, delimiter, relax_column_count: false }) as string[][];
  const [header = [], ...body] = rows;
  return { header, records: body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? '']))) };
}

/** A cell as its column holds it, without the spreadsheet marker. */
export const plain = (cell: string | undefined) => stripTextMarker(cell ?? '');

/** Exact minor units of a decimal string with two places (either decimal mark), no float involved. */
export function cents(amount: string): bigint {
  const match = /^(-?)(\d+)[.,](\d{2})$/.exec(amount);
  expect(match, `not a two-decimal amount: ${amount}`).not.toBeNull();
  const [, sign, whole = '0', fraction = '00'] = match ?? [];
  const value = BigInt(whole) * 100n + BigInt(fraction);
  return sign === '-' ? -value : value;
}

export const balanceTransactionsRequests = (requests: readonly string[]) =>
  requests.filter((line) => line.includes('balance_transactions.json')).length;

/** A tsx script in its own process group (tsx runs it in a child, which a kill must reach), once it prints `ready`. */
export function spawnReady(script: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn('node_modules/.bin/tsx', ['--conditions=react-server', script, ...args], {
    env: { ...env, FUNDSIGHT_LOG: 'silent', PROVIDER_MAX_RETRIES: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout?.on('data', (data: Buffer) => {
      if (data.toString().includes('ready')) resolve(child);
    });
  });
}

/** SIGKILL to the child's whole process group, and its exit. */
export async function killGroup(child: ChildProcess | null): Promise<void> {
  if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGKILL');
  await exited;
}

/** Polls the job until `ready` holds for it. */
export async function jobWhen(db: Db, jobId: string, ready: (job: ExportJob) => boolean, tries = 400): Promise<ExportJob> {
  for (let i = 0; i < tries; i += 1) {
    const job = await getExportJobById(db, jobId);
    if (job && ready(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`job ${jobId} never got there`);
}

/** A resumed job's file: many rows, none repeated, the very bytes of the same export run uninterrupted. */
export async function expectResumedExact(env: ExportEnv, jobId: string, connection: LoadedConnection, search: string): Promise<void> {
  const file = Buffer.from(await (await downloadJob(env.jobs, env.user, jobId)).arrayBuffer());
  const { bytes: uninterrupted } = await env.exportFile(connection, search);
  const { records } = parseCsv(file);
  expect(records.length).toBeGreaterThan(20_000);
  expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  expect(file.equals(uninterrupted)).toBe(true);
  // The digest the resumed job recorded (its ETag) is the served file's, the earlier workers' chunks included.
  expect((await getExportJobById(env.db, jobId))?.sha256).toBe(createHash('sha256').update(file).digest('hex'));
}
