// A Fundsight instance's export jobs without Redis, in its own process, for the test that kills one:
// tsx --conditions=react-server tests/support/export-instance.ts <postgres url>
import { openDb } from '@/lib/db/open';
import { startExportJobSystem } from '@/lib/exports/job-system';

const [url] = process.argv.slice(2);
if (!url) throw new Error('usage: export-instance <postgres url>');
const db = await openDb({ kind: 'postgres', url });
await startExportJobSystem(db, { maxRunning: 3, takeoverEveryMs: 200 });
console.info('ready');
