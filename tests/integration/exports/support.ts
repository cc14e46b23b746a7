import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect } from 'vitest';
import type { LoadedConnection } from '@/lib/connections/client';
import { stripTextMarker } from '@/lib/csv/cells';
import { openDb } from '@/lib/db/open';
import { createOrganization } from '@/lib/db/organizations';
import type { Db } from '@/lib/db/types';
import { createUser } from '@/lib/db/users';
import { parseExportRequest } from '@/lib/exports/request';
import { exportTransactions, type ExportUser } from '@/lib/exports/service';
import { startSandbox, type Sandbox } from '@/lib/sandbox';
import { ANCHOR, connectionTo } from '../transactions/support';

export const ORGANIZATION_ZONE = 'America/New_York';

type Uuid = `${string}-${string}-${string}-${string}-${string}`;
const isUuid = (value: string): value is Uuid => /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value);

export interface ExportEnv {
  readonly sandbox: Sandbox;
  readonly db: Db;
  readonly user: ExportUser;
  /** Paths of every request the sandbox answered, in order. */
  readonly requests: string[];
  connection(key: string): LoadedConnection;
  start(connection: LoadedConnection, search: string, signal?: AbortSignal, options?: { heartbeatMs?: number }): Promise<Response>;
}

/** A sandbox (no rate limits, fixed anchor), a migrated in-memory database and a finance user, per test file. */
export function exportEnvPerSuite(): ExportEnv {
  const state: { sandbox?: Sandbox; db?: Db; user?: ExportUser } = {};
  const requests: string[] = [];
  beforeAll(async () => {
    state.sandbox = await startSandbox({ port: 0, rateLimits: false, anchor: ANCHOR, log: (line) => requests.push(line) });
    state.db = await openDb({ kind: 'pglite', dataDir: 'memory://' });
    const organization = await createOrganization(state.db, { name: 'Acme', slug: 'acme', timezone: ORGANIZATION_ZONE });
    const user = await createUser(state.db, { email: 'finance@acme.test', name: 'Avery', password: 'correct horse battery' });
    state.user = { userId: user.id, email: user.email, organizationId: organization.id, organizationTimezone: ORGANIZATION_ZONE };
  });
  afterAll(async () => {
    await state.sandbox?.close();
    await state.db?.close();
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('export environment not started');
    return value;
  };
  return {
    get sandbox() {
      return need(state.sandbox);
    },
    get db() {
      return need(state.db);
    },
    get user() {
      return need(state.user);
    },
    requests,
    connection(key) {
      const { organizationId } = need(state.user);
      if (!isUuid(organizationId)) throw new Error('organization id is not a uuid');
      return connectionTo(need(state.sandbox), key, organizationId);
    },
    start(connection, search, signal, options) {
      return exportTransactions(connection, parseExportRequest(new URLSearchParams(search)), {
        user: need(state.user),
        db: need(state.db),
        signal,
        heartbeatMs: options?.heartbeatMs,
      });
    },
  };
}

/** The file parsed back: header and records as objects, markers kept (compare with `plain`). */
export function parseCsv(text: string, delimiter = ','): { header: string[]; records: Record<string, string>[] } {
  const rows = parse(text, { bom: true, delimiter, relax_column_count: false }) as string[][];
  const [header = [], ...body] = rows;
  return { header, records: body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? '']))) };
}

/** A cell as its column holds it, without the spreadsheet marker. */
export const plain = (cell: string | undefined) => stripTextMarker(cell ?? '');

/** Exact minor units of a decimal string with two places, no float involved. */
export function cents(amount: string): bigint {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  expect(match, `not a two-decimal amount: ${amount}`).not.toBeNull();
  const [, sign, whole = '0', fraction = '00'] = match ?? [];
  const value = BigInt(whole) * 100n + BigInt(fraction);
  return sign === '-' ? -value : value;
}

export const balanceTransactionsRequests = (requests: readonly string[]) =>
  requests.filter((line) => line.includes('balance_transactions.json')).length;
