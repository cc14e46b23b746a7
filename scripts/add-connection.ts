// Adds a provider connection (a real provider account) to an organization. Run with:
//   npx tsx --conditions=react-server scripts/add-connection.ts --org <slug> --provider <id> --label <label>
//     --setting key=value ... --credential key=value ... [--base-url https://...]
// It reads the same environment as the server (DATABASE_URL or PGLITE_DATA_DIR, FUNDSIGHT_ENCRYPTION_KEY).
import { parseArgs } from 'node:util';
import { getDb } from '@/lib/db';
import { createConnection } from '@/lib/db/connections';
import { findOrganizationBySlug } from '@/lib/db/organizations';
import { defaultBaseUrlFor, getProviderDefinition } from '@/lib/providers/registry';
import { PROVIDER_IDS, type ProviderId } from '@/lib/providers/types';

const USAGE = `Usage: add-connection --org <slug> --provider <${PROVIDER_IDS.join('|')}> --label <label>
  --setting key=value (shop=, handle= or subMerchantId= [timeZone=, NeoX, default Asia/Hong_Kong])  --credential key=value (accessToken=, or clientId= and clientSecret=)
  [--base-url <url>]  (default: the provider's real host; required for NeoX, whose host NeoX issues per environment)`;

function pairs(values: string[] | undefined): Record<string, string> {
  return Object.fromEntries(
    (values ?? []).map((pair) => {
      const at = pair.indexOf('=');
      if (at < 1) throw new Error(`expected key=value, got "${pair.split('=')[0]}"`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      org: { type: 'string' },
      provider: { type: 'string' },
      label: { type: 'string' },
      'base-url': { type: 'string' },
      setting: { type: 'string', multiple: true },
      credential: { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.org || !values.provider || !values.label) {
    console.info(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  if (!(PROVIDER_IDS as readonly string[]).includes(values.provider)) throw new Error(`unknown provider "${values.provider}"`);
  const provider = values.provider as ProviderId;
  const definition = getProviderDefinition(provider);
  const settings = definition.settingsSchema.parse(pairs(values.setting));
  const credentials = definition.credentialsSchema.parse(pairs(values.credential));
  const baseUrl = values['base-url'] ?? defaultBaseUrlFor(provider, settings);
  if (!baseUrl) throw new Error(`--base-url is required for ${definition.displayName}`);

  const db = await getDb();
  const organization = await findOrganizationBySlug(db, values.org);
  if (!organization) throw new Error(`no organization with slug "${values.org}"`);
  const connection = await createConnection(db, {
    organizationId: organization.id,
    label: values.label,
    baseUrl,
    provider,
    settings,
    credentials,
  } as Parameters<typeof createConnection>[1]);
  console.info(`Added ${definition.displayName} connection "${connection.label}" (${connection.id}) to ${organization.name}.`);
  await db.close();
}

main().catch((error: unknown) => {
  console.error(`add-connection: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
