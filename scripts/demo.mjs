// npm run demo: builds Fundsight, starts it on the built-in sandbox and prints the demo sign-ins.
import { build, launch } from './launch.mjs';

const appPort = Number(process.env.PORT ?? 3000);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);

if (!process.argv.includes('--no-build')) await build();
const { stop, appUrl, sandboxUrl } = await launch({ appPort, sandboxPort, dataDir: process.env.PGLITE_DATA_DIR ?? '.data/pglite' });

console.info(`
Fundsight is running on the provider sandbox.

  Open        ${appUrl}
  Sandbox     ${sandboxUrl}

  Sign in with (password for all: fundsight-demo)
    finance@acme.test     Acme Outfitters, finance
    admin@acme.test       Acme Outfitters, admin
    viewer@acme.test      Acme Outfitters, viewer (balances only)
    finance@globex.test   Globex Trading, finance
    admin@globex.test     Globex Trading, admin

Press Ctrl+C to stop.
`);

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stop(); process.exit(0); });
process.on('exit', stop);
