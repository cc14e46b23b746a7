import 'server-only';
import { serverEnv } from '@/lib/config/env';
import { baseUrlPolicy } from '@/lib/connections/policy';
import {
  createConnection,
  deleteConnection,
  getConnection,
  getConnectionSummary,
  listConnections,
  recordConnectionOutcome,
  updateConnection,
  type ConnectionSummary,
} from '@/lib/db/connections';
import type { Db } from '@/lib/db/types';
import { notFound } from '@/lib/http/api-error';
import { providerDefinition, createProviderClient } from '@/lib/providers/registry';
import type { ProviderCapabilities, ProviderId } from '@/lib/providers/types';
import { recordAudit, type Actor } from './audit';
import { checkedBaseUrl, checkedPart, checkedProvider } from './connection-input';
import { explainTestFailure, type TestResult } from './connection-test';
import { FieldError } from './errors';

/** A connection as the settings page shows it: identifiers and status, never credentials. */
export interface ConnectionView {
  readonly id: string;
  readonly provider: ProviderId;
  readonly providerName: string;
  readonly label: string;
  readonly baseUrl: string;
  readonly identifiers: readonly { readonly key: string; readonly label: string; readonly value: string }[];
  readonly capabilities: ProviderCapabilities;
  readonly disabled: boolean;
  readonly credentialsChangedAt: string;
  /** False when the stored credentials no longer decrypt (the key changed): rotate them. */
  readonly credentialsReadable: boolean;
  readonly lastSuccessAt: string | null;
  readonly lastError: { readonly at: string; readonly message: string; readonly traceId: string | null } | null;
}

function view(summary: ConnectionSummary, credentialsReadable: boolean): ConnectionView {
  const definition = providerDefinition(summary.provider);
  const { status } = summary;
  return {
    id: summary.id,
    provider: summary.provider,
    providerName: definition.displayName,
    label: summary.label,
    baseUrl: summary.baseUrl,
    identifiers: definition.form.settings.map((field) => {
      const value = summary.settings[field.key];
      return { key: field.key, label: field.label, value: typeof value === 'string' ? value : '' };
    }),
    capabilities: definition.capabilities,
    disabled: summary.disabledAt !== null,
    credentialsChangedAt: summary.credentialsChangedAt.toISOString(),
    credentialsReadable,
    lastSuccessAt: status.lastSuccessAt?.toISOString() ?? null,
    lastError:
      status.lastErrorAt && (!status.lastSuccessAt || status.lastErrorAt > status.lastSuccessAt)
        ? { at: status.lastErrorAt.toISOString(), message: status.lastErrorMessage ?? '', traceId: status.lastErrorTraceId }
        : null,
  };
}

export async function listConnectionViews(db: Db, organizationId: string): Promise<ConnectionView[]> {
  const summaries = await listConnections(db, organizationId, { includeDisabled: true });
  const views = await Promise.all(
    summaries.map(async (summary) => {
      const checked = await getConnectionSummary(db, organizationId, summary.id);
      return view(summary, checked?.credentialsReadable ?? false);
    }),
  );
  return views;
}

export async function getConnectionView(db: Db, organizationId: string, connectionId: string): Promise<ConnectionView> {
  const summary = await getConnectionSummary(db, organizationId, connectionId);
  if (!summary) throw notFound('Connection');
  return view(summary, summary.credentialsReadable);
}

export interface CandidateInput {
  readonly provider: string;
  readonly baseUrl: string;
  readonly settings: Record<string, unknown>;
  readonly credentials: Record<string, unknown>;
}

/** Provider, settings, credentials and base URL checked like the form: FieldError naming each bad field. */
export async function checkCandidate(input: CandidateInput) {
  const provider = checkedProvider(input.provider);
  // Every field's problem at once, so the form shows them all after one attempt.
  const fields: Record<string, string> = {};
  const collect = <T>(check: () => T): T | null => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      Object.assign(fields, error.fields);
      return null;
    }
  };
  const settings = collect(() => checkedPart(provider, 'settings', input.settings));
  const credentials = collect(() => checkedPart(provider, 'credentials', input.credentials));
  // A given base URL is checked even when the settings are wrong; the default one needs valid settings.
  const baseUrl =
    settings || input.baseUrl.trim()
      ? await checkedBaseUrl(provider, input.baseUrl, settings ?? {}).catch((error: unknown) =>
          collect(() => {
            throw error;
          }),
        )
      : null;
  if (!settings || !credentials || !baseUrl) throw new FieldError(fields);
  return { provider, settings, credentials, baseUrl };
}

/** Calls the provider's balance endpoint through its normal client, once, and says what happened. */
export async function testCandidate(candidate: Awaited<ReturnType<typeof checkCandidate>>): Promise<TestResult> {
  const env = serverEnv();
  const client = createProviderClient({
    ...candidate,
    http: { timeoutMs: Math.min(env.providerTimeoutMs, 8_000), maxRetries: 0 },
    policy: baseUrlPolicy(),
  });
  try {
    const lines = await client.getBalances();
    const currencies = [...new Set(lines.map((line) => line.currency))];
    const what = currencies.length > 0 ? `balances in ${currencies.join(', ')}` : 'no balances yet';
    return { ok: true, message: `Connected: ${providerDefinition(candidate.provider).displayName} answered with ${what}.` };
  } catch (error) {
    return explainTestFailure(candidate.provider, error);
  }
}

export async function addConnection(db: Db, actor: Actor, input: CandidateInput & { label: string }): Promise<ConnectionSummary> {
  const candidate = await checkCandidate(input);
  const created = await createConnection(db, { organizationId: actor.organizationId, label: input.label, ...candidate });
  await recordAudit(db, actor, {
    action: 'connection.create',
    target: { type: 'connection', id: created.id, label: created.label },
    after: { provider: created.provider, label: created.label, baseUrl: created.baseUrl, settings: created.settings },
  });
  return created;
}

/** Tests a stored connection with its stored credentials and records the outcome as its status. */
export async function testSavedConnection(db: Db, organizationId: string, connectionId: string): Promise<TestResult> {
  const connection = await getConnection(db, organizationId, connectionId).catch(() => null);
  if (!connection) {
    const exists = await getConnectionSummary(db, organizationId, connectionId);
    if (!exists) throw notFound('Connection');
    return { ok: false, problem: 'credentials', message: 'The stored credentials cannot be read any more: rotate them.', traceId: null, status: null };
  }
  const result = await testCandidate(connection);
  await recordConnectionOutcome(db, connectionId, result.ok ? { ok: true } : { ok: false, message: result.message, traceId: result.traceId });
  return result;
}

export interface EditInput {
  readonly label?: string;
  readonly baseUrl?: string;
  readonly settings?: Record<string, unknown>;
  readonly disabled?: boolean;
}

export async function editConnection(db: Db, actor: Actor, connectionId: string, input: EditInput): Promise<ConnectionSummary> {
  const before = await getConnectionSummary(db, actor.organizationId, connectionId);
  if (!before) throw notFound('Connection');
  const settings = input.settings ? checkedPart(before.provider, 'settings', input.settings) : undefined;
  const baseUrl =
    input.baseUrl === undefined && settings === undefined
      ? undefined
      : await checkedBaseUrl(before.provider, input.baseUrl ?? before.baseUrl, settings ?? before.settings);
  const updated = await updateConnection(db, { organizationId: actor.organizationId, connectionId }, { ...input, settings, baseUrl });
  if (!updated) throw notFound('Connection');
  const action = input.disabled === undefined ? 'connection.update' : input.disabled ? 'connection.disable' : 'connection.enable';
  await recordAudit(db, actor, {
    action,
    target: { type: 'connection', id: connectionId, label: updated.label },
    before: { label: before.label, baseUrl: before.baseUrl, settings: before.settings, disabled: before.disabledAt !== null },
    after: { label: updated.label, baseUrl: updated.baseUrl, settings: updated.settings, disabled: updated.disabledAt !== null },
  });
  return updated;
}

export async function rotateCredentials(db: Db, actor: Actor, connectionId: string, credentials: Record<string, unknown>): Promise<void> {
  const before = await getConnectionSummary(db, actor.organizationId, connectionId);
  if (!before) throw notFound('Connection');
  const checked = checkedPart(before.provider, 'credentials', credentials);
  await updateConnection(db, { organizationId: actor.organizationId, connectionId }, { credentials: checked });
  await recordAudit(db, actor, {
    action: 'connection.rotate_credentials',
    target: { type: 'connection', id: connectionId, label: before.label },
    before: { credentialsChangedAt: before.credentialsChangedAt.toISOString() },
    after: { credentialsChangedAt: new Date().toISOString() },
  });
}

export async function removeConnection(db: Db, actor: Actor, connectionId: string): Promise<void> {
  const before = await getConnectionSummary(db, actor.organizationId, connectionId);
  if (!before || !(await deleteConnection(db, actor.organizationId, connectionId))) throw notFound('Connection');
  await recordAudit(db, actor, {
    action: 'connection.remove',
    target: { type: 'connection', id: connectionId, label: before.label },
    before: { provider: before.provider, label: before.label, baseUrl: before.baseUrl, settings: before.settings },
  });
}
