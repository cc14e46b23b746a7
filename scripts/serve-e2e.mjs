// Playwright's web server: a fresh in-memory database and sandbox for every run.
import { launch } from './launch.mjs';

const appPort = Number(process.env.E2E_APP_PORT ?? 3311);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4311);
const { stop } = await launch({ appPort, sandboxPort, dataDir: 'memory://' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stop(); process.exit(0); });
process.on('exit', stop);
