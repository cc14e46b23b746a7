// Manages provider connections from the command line, on the same code as the settings page:
//   npm run connections -- <list|add|update|remove> --org <slug> ...   (see --help)
// Secrets are read from standard input or --credentials-file, never from the command line.
// It reads the server's environment (DATABASE_URL or PGLITE_DATA_DIR) and refuses to run without
// FUNDSIGHT_ENCRYPTION_KEY, so nothing is stored under a key the server does not have.

async function start(): Promise<void> {
  try {
    await import('server-only');
  } catch {
    console.error(
      'add-connection: run it with the server build conditions:\n  npm run connections -- --help\n' +
        '  (or: npx tsx --conditions=react-server scripts/add-connection.ts --help)',
    );
    process.exit(2);
  }
  const { runConnectionCli } = await import('./lib/connection-cli');
  process.exitCode = await runConnectionCli(process.argv.slice(2), { stdin: process.stdin, out: console.info, err: console.error });
}

void start();
