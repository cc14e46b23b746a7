// A BullMQ export worker in its own process, for the test that kills one halfway:
// tsx --conditions=react-server tests/support/export-worker.ts <postgres url> <redis url> <prefix>
import { openDb } from '@/lib/db/open';
import { exportJobHandler } from '@/lib/exports/job-run';
import { bullmqRunner } from '@/lib/jobs/bullmq';
import { createRedis } from '@/lib/redis/client';

const [url, redisUrl, prefix] = process.argv.slice(2);
if (!url || !redisUrl || !prefix) throw new Error('usage: export-worker <postgres url> <redis url> <prefix>');
const db = await openDb({ kind: 'postgres', url });
const handler = exportJobHandler({ db, maxRunning: 3, pageRetries: 0 });
bullmqRunner(handler, { redis: createRedis(redisUrl), prefix, lockDurationMs: 2_000, stalledIntervalMs: 500 });
console.info('ready');
