// A Fundsight instance's export jobs on BullMQ, in its own process, for the tests that kill one halfway:
// tsx --conditions=react-server tests/support/export-worker.ts <postgres url> <redis url> <prefix> [lock ms]
import { openDb } from '@/lib/db/open';
import { startExportJobSystem } from '@/lib/exports/job-system';
import { createRedis } from '@/lib/redis/client';

const [url, redisUrl, prefix, lockMs] = process.argv.slice(2);
if (!url || !redisUrl || !prefix) throw new Error('usage: export-worker <postgres url> <redis url> <prefix> [lock ms]');
const db = await openDb({ kind: 'postgres', url });
const lockDurationMs = lockMs === undefined ? undefined : Number(lockMs);
await startExportJobSystem(db, { maxRunning: 3, redis: { connection: createRedis(redisUrl), prefix, lockDurationMs } });
console.info('ready');
