import 'server-only';
import { z } from 'zod';
import { serverEnv } from '@/lib/config/env';
import { newConnectionId } from '@/lib/crypto/ids';
import { decryptJson, encryptJson } from '@/lib/crypto/secrets';
import {
  connectionConfigSchema,
  connectionMetaSchema,
  connectionSettingsSchema,
  describeIssues,
  type ConnectionConfig,
  type ConnectionConfigInput,
  type ConnectionSettings,
} from './connection-schemas';
import { sqlState, type Queryable } from './types';

interface ConnectionMeta {
  readonly id: string;
  readonly organizationId: string;
  readonly label: string;
  readonly baseUrl: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What may be listed and sent to the browser: no credentials. */
export type ConnectionSummary = ConnectionMeta & ConnectionSettings;
/** Server-only: includes decrypted credentials. */
export type Connection = ConnectionMeta & ConnectionConfig;
export type NewConnection = { organizationId: string; label: string; baseUrl: string } & ConnectionConfigInput;

/** The input cannot be stored (bad shape, duplicate label); the message names fields, never values. */
export class ConnectionInputError extends Error {
  override readonly name = 'ConnectionInputError';
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
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, organization_id, provider, label, base_url, settings, created_at, updated_at';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Binds each ciphertext to its row and tenant, so copying it elsewhere in the table does not decrypt.
const secretContext = (organizationId: string, connectionId: string) => `connection:${organizationId}:${connectionId}`;

function metaOf(row: ConnectionRow): ConnectionMeta {
  return {
    id: row.id,
    organizationId: row.organization_id,
    label: row.label,
    baseUrl: row.base_url,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function parseStored<T>(schema: z.ZodType<T>, value: unknown, id: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new StoredConnectionError(`Connection ${id} is stored in an unexpected shape: ${describeIssues(result.error)}`);
  }
  return result.data;
}

function toSummary(row: ConnectionRow): ConnectionSummary {
  return { ...metaOf(row), ...parseStored(connectionSettingsSchema, { provider: row.provider, settings: row.settings }, row.id) };
}

function toConnection(row: ConnectionRow, key: Buffer): Connection {
  let credentials: unknown;
  try {
    credentials = decryptJson(row.credentials_ciphertext, key, secretContext(row.organization_id, row.id));
  } catch (error) {
    throw new StoredConnectionError(`Credentials of connection ${row.id} cannot be decrypted`, { cause: error });
  }
  const config = parseStored(connectionConfigSchema, { provider: row.provider, settings: row.settings, credentials }, row.id);
  return { ...metaOf(row), ...config };
}

function validate(input: NewConnection) {
  const meta = connectionMetaSchema.safeParse(input);
  const { provider, settings, credentials } = input;
  const config = connectionConfigSchema.safeParse({ provider, settings, credentials });
  if (!meta.success) throw new ConnectionInputError(`Invalid connection: ${describeIssues(meta.error)}`);
  if (!config.success) throw new ConnectionInputError(`Invalid connection: ${describeIssues(config.error)}`);
  return { ...meta.data, ...config.data };
}

function rethrowDuplicateLabel(error: unknown): never {
  if (sqlState(error) === '23505') {
    throw new ConnectionInputError('Invalid connection: label: already used by another connection');
  }
  throw error;
}

/** The organization's connections, by label, without credentials. */
export async function listConnections(db: Queryable, organizationId: string): Promise<ConnectionSummary[]> {
  if (!UUID.test(organizationId)) return [];
  const rows = await db.query<ConnectionRow>(
    `select ${COLUMNS} from provider_connections where organization_id = $1 order by label, id`,
    [organizationId],
  );
  return rows.map(toSummary);
}

/** The connection with decrypted credentials; null when the id is unknown or belongs to another organization. */
export async function getConnection(
  db: Queryable,
  organizationId: string,
  connectionId: string,
  key: Buffer = serverEnv().encryptionKey,
): Promise<Connection | null> {
  if (!UUID.test(organizationId)) return null;
  const [row] = await db.query<ConnectionRow>(
    `select ${COLUMNS}, credentials_ciphertext from provider_connections where organization_id = $1 and id = $2`,
    [organizationId, connectionId],
  );
  return row ? toConnection(row, key) : null;
}

/** Every connection of the organization with decrypted credentials, by label; for server-side provider calls. */
export async function listConnectionsWithCredentials(
  db: Queryable,
  organizationId: string,
  key: Buffer = serverEnv().encryptionKey,
): Promise<Connection[]> {
  if (!UUID.test(organizationId)) return [];
  const rows = await db.query<ConnectionRow>(
    `select ${COLUMNS}, credentials_ciphertext from provider_connections where organization_id = $1 order by label, id`,
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
     set provider = $2, base_url = $3, settings = $4::jsonb, credentials_ciphertext = $5, updated_at = now()
     where id = $1 returning ${COLUMNS}`,
    [existing.id, valid.provider, valid.baseUrl, JSON.stringify(valid.settings), ciphertext],
  );
  if (!row) throw new Error('update of provider_connections returned no row');
  return toSummary(row);
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
