import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { addConnection, checkCandidate, editConnection, listConnectionViews, removeConnection, rotateCredentials, testCandidate } from '@/lib/admin/connections';
import { FieldError } from '@/lib/admin/errors';
import { serverEnv } from '@/lib/config/env';
import { getDb } from '@/lib/db';
import { findOrganizationBySlug } from '@/lib/db/organizations';
import { ApiError } from '@/lib/http/api-error';
import { PROVIDER_IDS } from '@/lib/providers/types';

export const USAGE = `Usage: npm run connections -- <command> --org <slug> [options]
  list                                  the organization's connections (no secrets)
  add     --provider <${PROVIDER_IDS.join('|')}> --label <label> --setting key=value ... [--base-url <url>] [--no-test]
  update  --id <conn_…> [--label <label>] [--base-url <url>] [--setting key=value ...] [--rotate] [--disable|--enable]
  remove  --id <conn_…> --yes
Secrets (add, update --rotate): JSON {"accessToken":"…"} or key=value lines on standard input, or --credentials-file <path>.
add tests the connection against the provider first (like the form) unless --no-test.`;

interface Io {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

function pairs(values: readonly string[] | undefined): Record<string, string> {
  const entries = (values ?? []).map((pair) => {
    const at = pair.indexOf('=');
    if (at < 1) throw new FieldError({ setting: `expected key=value, got "${pair.split('=')[0] ?? ''}"` });
    return [pair.slice(0, at).trim(), pair.slice(at + 1)] as const;
  });
  return Object.fromEntries(entries);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** Secrets as JSON or key=value lines; values are never echoed, even in errors. */
export function parseSecrets(text: string): Record<string, string> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new FieldError({ credentials: 'standard input starts with "{" but is not valid JSON' });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new FieldError({ credentials: 'expected a JSON object' });
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
  }
  return pairs(trimmed.split(/\r?\n/).filter((line) => line.trim() !== ''));
}

async function secrets(file: string | undefined, io: Io): Promise<Record<string, string>> {
  if (file) return parseSecrets(await readFile(file, 'utf8'));
  if (io.stdin.isTTY) throw new FieldError({ credentials: 'pipe the secrets on standard input or give --credentials-file' });
  return parseSecrets(await readAll(io.stdin));
}

export async function runConnectionCli(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      org: { type: 'string' },
      provider: { type: 'string' },
      label: { type: 'string' },
      id: { type: 'string' },
      'base-url': { type: 'string' },
      setting: { type: 'string', multiple: true },
      'credentials-file': { type: 'string' },
      'no-test': { type: 'boolean' },
      rotate: { type: 'boolean' },
      disable: { type: 'boolean' },
      enable: { type: 'boolean' },
      yes: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const [command] = positionals;
  if (values.help || !command || !values.org) {
    io.out(USAGE);
    return values.help ? 0 : 2;
  }
  if (!serverEnv().encryptionKeyConfigured) {
    io.err('add-connection: FUNDSIGHT_ENCRYPTION_KEY is not set: the server could not decrypt what this stored. Set the same key as the server.');
    return 2;
  }
  const db = await getDb();
  try {
    const organization = await findOrganizationBySlug(db, values.org);
    if (!organization) throw new FieldError({ org: `no organization with slug "${values.org}"` });
    const actor = { userId: null, email: `cli:${userInfo().username}`, organizationId: organization.id };
    switch (command) {
      case 'list': {
        for (const c of await listConnectionViews(db, organization.id)) {
          const ids = c.identifiers.map((i) => `${i.key}=${i.value}`).join(' ');
          const state = c.disabled ? 'disabled' : c.credentialsReadable ? 'enabled' : 'needs new credentials';
          io.out(`${c.id}  ${c.provider}  "${c.label}"  ${ids}  ${c.baseUrl}  ${state}  credentials changed ${c.credentialsChangedAt}`);
        }
        return 0;
      }
      case 'add': {
        const input = {
          provider: values.provider ?? '',
          label: values.label ?? '',
          baseUrl: values['base-url'] ?? '',
          settings: pairs(values.setting),
          credentials: await secrets(values['credentials-file'], io),
        };
        if (!values['no-test']) {
          const result = await testCandidate(await checkCandidate(input));
          if (!result.ok) throw new FieldError({ test: `${result.message}${result.traceId ? ` (trace id ${result.traceId})` : ''}` });
          io.out(result.message);
        }
        const created = await addConnection(db, actor, input);
        io.out(`Added ${created.provider} connection "${created.label}" (${created.id}) to ${organization.name}.`);
        return 0;
      }
      case 'update': {
        const id = values.id ?? '';
        if (values.rotate) await rotateCredentials(db, actor, id, await secrets(values['credentials-file'], io));
        const disabled = values.disable ? true : values.enable ? false : undefined;
        const settings = values.setting ? pairs(values.setting) : undefined;
        if (values.label !== undefined || values['base-url'] !== undefined || settings || disabled !== undefined) {
          await editConnection(db, actor, id, { label: values.label, baseUrl: values['base-url'], settings, disabled });
        }
        io.out(`Updated ${id}.`);
        return 0;
      }
      case 'remove': {
        if (!values.yes) throw new FieldError({ yes: 'removing cannot be undone: add --yes' });
        await removeConnection(db, actor, values.id ?? '');
        io.out(`Removed ${values.id}.`);
        return 0;
      }
      default:
        io.err(`add-connection: unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof FieldError) {
      for (const [field, message] of Object.entries(error.fields)) io.err(`add-connection: ${field}: ${message}`);
      return 1;
    }
    if (error instanceof ApiError) {
      io.err(`add-connection: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}
