import 'server-only';
import { z } from 'zod';
import { serverEnv } from '@/lib/config/env';
import { newConnectionId } from '@/lib/crypto/ids';
import { decryptJson, encryptJson } from '@/lib/crypto/secrets';
import { isProviderId, ProviderConfigError, validatePart } from '@/lib/providers/registry';
import type { ProviderId } from '@/lib/providers/types';
import { forgetConnectionKeptDays } from './kept-days';
import { sqlState, type Queryable } from './types';

/** The last call's outcome as recorded by the app (balances, tests); never a secret. */
export interface ConnectionStatus {
  readonly lastSuccessAt: Date | null;
  readonly lastErrorAt: Date | null;
  readonly lastErrorMessage: string | null;
  readonly lastErrorTraceId: string | null;
}

interface ConnectionMeta {
  readonly id: string;
  readonly organizationId: string;
  readonly provider: ProviderId;
  readonly label: string;
  readonly baseUrl: string;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly disabledAt: Date | null;
  readonly credentialsChangedAt: Date;
  readonly status: ConnectionStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What may be listed and sent to the browser: no credentials. */
export type ConnectionSummary = ConnectionMeta;
/** Server-only: includes decrypted credentials. */
export type Connection = ConnectionMeta & { readonly credentials: Readonly<Record<string, unknown>> };

export interface NewConnection {
  readonly organizationId: string;
  readonly provider: ProviderId;
  readonly label: string;
  readonly baseUrl: string;
  readonly settings: unknown;
  readonly credentials: unknown;
}

/** The input cannot be stored (bad shape, duplicate label); the message names fields, never values. */
export class ConnectionInputError extends Error {
  override readonly name = 'ConnectionInputError';
  constructor(
    message: string,
    readonly fields: readonly string[] = [],
  ) {
    super(message);
  }
}

/** A stored connection cannot be read back (wrong encryption key, altered row, outdated shape). */
export class StoredConnectionError extends Error {
  override readonly name = 'StoredConnectionError';
}

interface ConnectionRow {
  id: string;
  organization_id: string;
  provider: string;
  label: string;
  base_url: string;
  settings: unknown;
  credentials_ciphertext: string;
  disabled_at: Date | null;
  credentials_changed_at: Date;
  last_success_at: Date | null;
  last_error_at: Date | null;
  last_error_message: string | null;
  last_error_trace_id: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, organization_id, provider, label, base_url, settings, disabled_at, credentials_changed_at,
  last_success_at, last_error_at, last_error_message, last_error_trace_id, created_at, updated_at`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const metaSchema = z.object({
  organizationId: z.uuid(),
  label: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  baseUrl: z.url({ protocol: /^https?$/ }),
});

// Binds each ciphertext to its row and tenant, so copying it elsewhere in the table does not decrypt.
const secretContext = (organizationId: string, connectionId: string) => `connection:${organizationId}:${connectionId}`;

function readPart(row: ConnectionRow, provider: ProviderId, part: 'settings' | 'credentials', value: unknown) {
  try {
    return validatePart(provider, part, value);
  } catch (error) {
    const detail = error instanceof ProviderConfigError ? error.message : 'unreadable';
    throw new StoredConnectionError(`Connection ${row.id} is stored in an unexpected shape: ${detail}`);
  }
}

function toSummary(row: ConnectionRow): ConnectionSummary {
  if (!isProviderId(row.provider)) throw new StoredConnectionError(`Connection ${row.id} names an unknown provider`);
  const provider = row.provider;
  return {
    id: row.id,
    organizationId: row.organization_id,
    provider,
    label: row.label,
    baseUrl: row.base_url,
    settings: readPart(row, provider, 'settings', row.settings),
    disabledAt: row.disabled_at,
    credentialsChangedAt: row.credentials_changed_at,
    status: {
      lastSuccessAt: row.last_success_at,
      lastErrorAt: row.last_error_at,
      lastErrorMessage: row.last_error_message,
      lastErrorTraceId: row.last_error_trace_id,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toConnection(row: ConnectionRow, key: Buffer): Connection {
  const summary = toSummary(row);
  let credentials: unknown;
  try {
    credentials = decryptJson(row.credentials_ciphertext, key, secretContext(row.organization_id, row.id));
  } catch (error) {
    throw new StoredConnectionError(`Credentials of connection ${row.id} cannot be decrypted`, { cause: error });
  }
  return { ...summary, credentials: readPart(row, summary.provider, 'credentials', credentials) };
}

function fail(error: unknown): never {
  if (error instanceof ProviderConfigError) throw new ConnectionInputError(`Invalid connection: ${error.message}`, error.fields);
  throw error;
}

function validateMeta(input: { organizationId: string; label: string; baseUrl: string; provider: string }) {
  const meta = metaSchema.safeParse(input);
  if (!meta.success) {
    const fields = meta.error.issues.map((issue) => issue.path.join('.'));
    const text = meta.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConnectionInputError(`Invalid connection: ${text}`, fields);
  }
  if (!isProviderId(input.provider)) throw new ConnectionInputError('Invalid connection: provider: unknown', ['provider']);
  return { ...meta.data, provider: input.provider };
}

function validateParts(provider: ProviderId, parts: { settings?: unknown; credentials?: unknown }) {
  try {
    return {
      settings: parts.settings === undefined ? undefined : validatePart(provider, 'settings', parts.settings),
      credentials: parts.credentials === undefined ? undefined : validatePart(provider, 'credentials', parts.credentials),
    };
  } catch (error) {
    return fail(error);
  }
}

function validate(input: NewConnection) {
  const meta = validateMeta(input);
  const parts = validateParts(meta.provider, { settings: input.settings ?? {}, credentials: input.credentials ?? {} });
  return { ...meta, settings: parts.settings ?? {}, credentials: parts.credentials ?? {} };
}

function rethrowDuplicateLabel(error: unknown): never {
  if (sqlState(error) === '23505') {
    throw new ConnectionInputError('Invalid connection: label: already used by another connection', ['label']);
  }
  throw error;
}

/** The organization's enabled connections (every one with `includeDisabled`), by label, without credentials. */
export async function listConnections(
  db: Queryable,
  organizationId: string,
  options: { includeDisabled?: boolean } = {},
): Promise<ConnectionSummary[]> {
  if (!UUID.test(organizationId)) return [];
  const rows = await db.query<ConnectionRow>(
    `select ${COLUMNS} from provider_connections where organization_id = $1 and ($2 or disabled_at is null)
     order by label, id`,
    [organizationId, options.includeDisabled === true],
  );
  return rows.map(toSummary);
}

async function findRow(db: Queryable, organizationId: string, connectionId: string): Promise<ConnectionRow | null> {
  if (!UUID.test(organizationId)) return null;
  const [row] = await db.query<ConnectionRow>(
    `select ${COLUMNS}, credentials_ciphertext from provider_connections where organization_id = $1 and id = $2`,
    [organizationId, connectionId],
  );
  return row ?? null;
}

/** The connection with decrypted credentials; null when the id is unknown or belongs to another organization. */
export async function getConnection(
  db: Queryable,
  organizationId: string,
  connectionId: string,
  key: Buffer = serverEnv().encryptionKey,
): Promise<Connection | null> {
  const row = await findRow(db, organizationId, connectionId);
  return row ? toConnection(row, key) : null;
}

/** One connection without credentials, and whether its stored credentials still decrypt with `key`. */
export async function getConnectionSummary(
  db: Queryable,
  organizationId: string,
  connectionId: string,
  key: Buffer = serverEnv().encryptionKey,
): Promise<(ConnectionSummary & { credentialsReadable: boolean }) | null> {
  const row = await findRow(db, organizationId, connectionId);
  if (!row) return null;
  let credentialsReadable = true;
  try {
    toConnection(row, key);
  } catch {
    credentialsReadable = false;
  }
  return { ...toSummary(row), credentialsReadable };
}

/** Every enabled connection of the organization with decrypted credentials, by label; for server-side calls. */
export async function listConnectionsWithCredentials(
  db: Queryable,
  organizationId: string,
  key: Buffer = serverEnv().encryptionKey,
): Promise<Connection[]> {
  if (!UUID.test(organizationId)) return [];
  const rows = await db.query<ConnectionRow>(
    `select ${COLUMNS}, credentials_ciphertext from provider_connections
     where organization_id = $1 and disabled_at is null order by label, id`,
    [organizationId],
  );
  return rows.map((row) => toConnection(row, key));
}

export async function createConnection(
  db: Queryable,
  input: NewConnection,
  key: Buffer = serverEnv().encryptionKey,
): Promise<ConnectionSummary> {
  const valid = validate(input);
  const id = newConnectionId();
  const ciphertext = encryptJson(valid.credentials, key, secretContext(valid.organizationId, id));
  const [row] = await db
    .query<ConnectionRow>(
      `insert into provider_connections (id, organization_id, provider, label, base_url, settings, credentials_ciphertext)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7) returning ${COLUMNS}`,
      [id, valid.organizationId, valid.provider, valid.label, valid.baseUrl, JSON.stringify(valid.settings), ciphertext],
    )
    .catch(rethrowDuplicateLabel);
  if (!row) throw new Error('insert into provider_connections returned no row');
  return toSummary(row);
}

/** Creates the connection, or replaces provider, URL, settings and credentials of the one with this label. */
export async function upsertConnectionByLabel(
  db: Queryable,
  input: NewConnection,
  key: Buffer = serverEnv().encryptionKey,
): Promise<ConnectionSummary> {
  const valid = validate(input);
  const [existing] = await db.query<{ id: string }>(
    'select id from provider_connections where organization_id = $1 and label = $2',
    [valid.organizationId, valid.label],
  );
  if (!existing) return createConnection(db, input, key);
  const ciphertext = encryptJson(valid.credentials, key, secretContext(valid.organizationId, existing.id));
  const [row] = await db.query<ConnectionRow>(
    `update provider_connections
     set provider = $2, base_url = $3, settings = $4::jsonb, credentials_ciphertext = $5, updated_at = now(),
       credentials_changed_at = now(), disabled_at = null
     where id = $1 returning ${COLUMNS}`,
    [existing.id, valid.provider, valid.baseUrl, JSON.stringify(valid.settings), ciphertext],
  );
  if (!row) throw new Error('update of provider_connections returned no row');
  return toSummary(row);
}

export interface ConnectionChanges {
  readonly label?: string;
  readonly baseUrl?: string;
  readonly settings?: unknown;
  /** New credentials (rotation): re-encrypted under the current key. */
  readonly credentials?: unknown;
  readonly disabled?: boolean;
}

/** Applies changes to the organization's connection; null when there is none with that id in it. */
export async function updateConnection(
  db: Queryable,
  target: { organizationId: string; connectionId: string },
  changes: ConnectionChanges,
  key: Buffer = serverEnv().encryptionKey,
): Promise<ConnectionSummary | null> {
  const row = await findRow(db, target.organizationId, target.connectionId);
  if (!row) return null;
  const current = toSummary(row);
  const meta = validateMeta({
    organizationId: current.organizationId,
    provider: current.provider,
    label: changes.label ?? current.label,
    baseUrl: changes.baseUrl ?? current.baseUrl,
  });
  // Credentials are checked only when replaced: a row whose old ones no longer decrypt can still be rotated.
  const parts = validateParts(current.provider, { settings: changes.settings ?? current.settings, credentials: changes.credentials });
  const ciphertext = parts.credentials && encryptJson(parts.credentials, key, secretContext(current.organizationId, current.id));
  const valid = { ...meta, settings: parts.settings ?? current.settings };
  const disabled = changes.disabled === undefined ? null : changes.disabled;
  const [updated] = await db
    .query<ConnectionRow>(
      `update provider_connections set label = $3, base_url = $4, settings = $5::jsonb,
         credentials_ciphertext = coalesce($6, credentials_ciphertext),
         credentials_changed_at = case when $6::text is null then credentials_changed_at else now() end,
         disabled_at = case when $7::boolean is null then disabled_at when $7 then coalesce(disabled_at, now()) else null end,
         updated_at = now()
       where organization_id = $1 and id = $2 returning ${COLUMNS}`,
      [current.organizationId, current.id, valid.label, valid.baseUrl, JSON.stringify(valid.settings), ciphertext ?? null, disabled],
    )
    .catch(rethrowDuplicateLabel);
  // Pointed at another account: the days kept from the old one are not this one's.
  const retargeted = valid.baseUrl !== current.baseUrl || JSON.stringify(valid.settings) !== JSON.stringify(current.settings);
  if (updated && retargeted) await forgetConnectionKeptDays(db, current.id);
  return updated ? toSummary(updated) : null;
}

/** Records the outcome of a call made with the connection, for its status on the settings page. */
export async function recordConnectionOutcome(
  db: Queryable,
  connectionId: string,
  outcome: { ok: true } | { ok: false; message: string; traceId: string | null },
): Promise<void> {
  if (outcome.ok) {
    await db.query('update provider_connections set last_success_at = now() where id = $1', [connectionId]);
    return;
  }
  await db.query(
    'update provider_connections set last_error_at = now(), last_error_message = $2, last_error_trace_id = $3 where id = $1',
    [connectionId, outcome.message.slice(0, 500), outcome.traceId],
  );
}

/** Deletes the organization's connection; false when there was none with that id in the organization. */
export async function deleteConnection(db: Queryable, organizationId: string, connectionId: string): Promise<boolean> {
  if (!UUID.test(organizationId)) return false;
  const rows = await db.query<{ id: string }>(
    'delete from provider_connections where organization_id = $1 and id = $2 returning id',
    [organizationId, connectionId],
  );
  return rows.length > 0;
}
