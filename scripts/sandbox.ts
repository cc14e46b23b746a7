import { parseArgs } from 'node:util';
import { startSandbox } from '../lib/sandbox';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', default: '42' },
    'no-rate-limits': { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
});

const port = Number(values.port);
const seed = Number(values.seed);
if (!Number.isInteger(port) || port < 0 || port > 65_535 || !Number.isInteger(seed)) {
  console.error('usage: tsx scripts/sandbox.ts [--port 4010] [--host 127.0.0.1] [--seed 42] [--no-rate-limits] [-v]');
  process.exit(2);
}

const sandbox = await startSandbox({
  port,
  host: values.host,
  seed,
  rateLimits: !values['no-rate-limits'],
  log: values.verbose ? (line) => console.info(line) : undefined,
});
console.info(`sandbox listening on ${sandbox.url}`);

let closing = false;
const shutdown = (): void => {
  if (closing) return;
  closing = true;
  sandbox.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('sandbox: shutdown failed', error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
