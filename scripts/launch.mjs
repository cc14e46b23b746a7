// Starts the provider sandbox and the Fundsight server side by side; used by the demo and the e2e run.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NEXT_CLI = fileURLToPath(new URL('../node_modules/next/dist/bin/next', import.meta.url));

/** The demo seeds its users and the sandbox's connections on start. */
export const DEMO_ENV = { FUNDSIGHT_DEMO_SEED: 'true' };

const fresh = () => ({
  NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
  FUNDSIGHT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
});

/**
 * The demo's session secret and encryption key: made at random, never published (a published pair lets
 * anyone forge a session). Kept beside a PGlite directory (mode 600) so a restarted demo reads its data.
 */
export function demoSecrets(dataDir) {
  if (dataDir.startsWith('memory://')) return fresh();
  const file = join(dirname(dataDir), 'demo-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = fresh();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

function run(command, args, env, name) {
  // Its own process group, so stopping it also stops what it starts underneath (npx's tsx, next start's server).
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.on('data', (chunk) => process.stdout.write(prefix(name, chunk)));
  child.stderr.on('data', (chunk) => process.stderr.write(prefix(name, chunk)));
  return child;
}

function prefix(name, chunk) {
  return chunk
    .toString()
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => `[${name}] ${line}\n`)
    .join('');
}

async function waitFor(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

export async function build() {
  const child = run('npm', ['run', 'build'], {}, 'build');
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`npm run build failed with code ${code}`);
}

/** Starts both processes and resolves once both answer; returns a stop function. */
export async function launch({ appPort, sandboxPort, dataDir, extraEnv = {}, sandboxArgs = [] }) {
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const sandbox = run('npx', ['tsx', 'scripts/sandbox.ts', '--port', String(sandboxPort), ...sandboxArgs], {}, 'sandbox');
  await waitFor(`${sandboxUrl}/__sandbox/health`, sandbox);
  // Node runs Next's own CLI, as a process manager would: through npx, every (re)start also paid npm's start-up
  // (about 0.6 s here), which the kill-and-resume benchmark then counted as the server's.
  const startApp = () =>
    run(
      process.execPath,
      [NEXT_CLI, 'start', '-p', String(appPort)],
      {
        ...DEMO_ENV,
        ...demoSecrets(dataDir),
        NEXTAUTH_URL: `http://localhost:${appPort}`,
        FUNDSIGHT_SANDBOX_URL: sandboxUrl,
        PGLITE_DATA_DIR: dataDir,
        ...extraEnv,
      },
      'app',
    );
  let app = startApp();
  // Exits after stop() are the ones asked for: a child that exits with a code of its own on SIGTERM is no failure.
  let stopping = false;
  const stop = () => {
    stopping = true;
    for (const child of [app, sandbox]) {
      if (child.exitCode !== null) continue;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  await waitFor(`http://localhost:${appPort}/sign-in`, app, 120_000).catch((error) => {
    stop();
    throw error;
  });
  for (const child of [app, sandbox]) {
    child.on('exit', (code) => {
      if (code !== 0 && code !== null && !stopping) {
        stop();
        process.exitCode = 1;
      }
    });
  }
  /** Kills the app's process group at once (no shutdown), starts it again on the same data; resolves once it answers. */
  const killAndRestartApp = async () => {
    const exited = once(app, 'exit');
    process.kill(-app.pid, 'SIGKILL');
    await exited;
    app = startApp();
    await waitFor(`http://localhost:${appPort}/sign-in`, app, 120_000);
    return app.pid;
  };
  return { stop, sandboxUrl, appUrl: `http://localhost:${appPort}`, appPid: app.pid, killAndRestartApp };
}
