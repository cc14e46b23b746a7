import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SANDBOX_ACCOUNTS } from '@/lib/sandbox/accounts';

/** Every sandbox credential: what each account's connection is configured with as credentials (tokens, client ids and secrets). */
export function sandboxCredentials(): string[] {
  return SANDBOX_ACCOUNTS.flatMap((account) => Object.values(account.connection.credentials));
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** The build's files (server and browser bundles) that contain a sandbox credential, with the credential found. */
export function credentialsInBuild(distDir: string): { file: string; credential: string }[] {
  const credentials = sandboxCredentials();
  const found: { file: string; credential: string }[] = [];
  for (const root of ['server', 'static']) {
    for (const file of files(join(distDir, root))) {
      const text = readFileSync(file, 'latin1');
      for (const credential of credentials) if (text.includes(credential)) found.push({ file, credential: `${credential.slice(0, 6)}…` });
    }
  }
  return found;
}
