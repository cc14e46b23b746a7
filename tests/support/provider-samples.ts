import { PROVIDER_IDS, type ProviderId } from '@/lib/providers/types';
import { SANDBOX_ACCOUNTS, sandboxConnectionConfig } from '@/lib/sandbox/accounts';

/**
 * A valid connection input for each provider, as the sandbox (its own reading of the provider's documentation)
 * configures one, so a new provider's tests need no sample of their own beside its sandbox folder.
 */
export function sampleConnection(provider: ProviderId): { baseUrl: string; settings: Record<string, string>; credentials: Record<string, string> } {
  const account = SANDBOX_ACCOUNTS.find((a) => a.provider === provider);
  if (!account) throw new Error(`the sandbox simulates no ${provider} account`);
  return { baseUrl: 'https://api.example.test', ...sandboxConnectionConfig(account) };
}

/** sampleConnection for every provider, by id. */
export const SAMPLE_CONNECTIONS = Object.fromEntries(PROVIDER_IDS.map((id) => [id, sampleConnection(id)])) as Readonly<
  Record<ProviderId, ReturnType<typeof sampleConnection>>
>;
