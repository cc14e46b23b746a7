import 'server-only';
import { getConnection, listConnections, type ConnectionSummary } from '@/lib/db/connections';
import { getDb } from '@/lib/db';
import { notFound } from '@/lib/http/api-error';
import type { LoadedConnection } from './client';

/** The organization's connections without credentials: safe to list, cheap to load. */
export async function listOrganizationConnections(organizationId: string): Promise<ConnectionSummary[]> {
  return listConnections(await getDb(), organizationId);
}

/** One connection's summary; another organization's id is a 404, the same as a missing one. */
export async function findConnectionSummary(organizationId: string, connectionId: string): Promise<ConnectionSummary> {
  const summary = (await listOrganizationConnections(organizationId)).find((c) => c.id === connectionId);
  if (!summary) throw notFound('Connection');
  return summary;
}

/** One enabled connection with decrypted credentials, for server-side provider calls; 404 as above. */
export async function loadConnection(organizationId: string, connectionId: string): Promise<LoadedConnection> {
  const connection = await getConnection(await getDb(), organizationId, connectionId);
  // A disabled connection is not called: the same 404 as a missing one.
  if (!connection || connection.disabledAt) throw notFound('Connection');
  return connection;
}
