import { randomUUID } from 'node:crypto';
import type { LoadedConnection } from '@/lib/connections/client';
import { SANDBOX_ACCOUNTS, sandboxBaseUrl, type Sandbox } from '@/lib/sandbox';
import { sandboxConnectionConfig } from '@/lib/sandbox/accounts';
import { sandboxPerSuite as sharedSandboxPerSuite } from '../providers/support';
import { createCursorCodec } from '@/lib/paging/cursor';

// Failures must surface at once rather than after retries, and provider warnings must not flood the output.
process.env.PROVIDER_MAX_RETRIES = '0';
process.env.FUNDSIGHT_LOG = 'silent';

export const ORG_ID = randomUUID();
export const codec = createCursorCodec('integration-test-secret-0123456789abcdef');
/** A fixed newest transaction time, so date filters name real days of the sandbox's history. */
export const ANCHOR = new Date('2024-03-31T12:00:00Z');

/** A sandbox per test file whose newest transaction is at ANCHOR. */
export const sandboxPerSuite = () => sharedSandboxPerSuite({ anchor: ANCHOR });

/** A connection as loadConnection would return it, pointed at the sandbox. */
export function connectionTo(sandbox: Sandbox, key: string, organizationId = ORG_ID): LoadedConnection {
  const account = SANDBOX_ACCOUNTS.find((a) => a.key === key);
  if (!account) throw new Error(`no sandbox account ${key}`);
  return {
    id: randomUUID(),
    organizationId,
    provider: account.provider,
    label: account.label,
    baseUrl: sandboxBaseUrl(sandbox.url, account),
    ...sandboxConnectionConfig(account),
  };
}
