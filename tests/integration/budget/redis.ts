import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRedis } from '@/lib/redis/client';

export const REDIS_URL = process.env.FUNDSIGHT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test (or other checkout sharing the server) uses. */
export const uniquePrefix = (name: string) => `fundsight:test:${name}:${randomBytes(6).toString('hex')}:`;

export const connect = () => createRedis(REDIS_URL);

/** A throwaway Redis server of this test's own, to stop and start again; never the shared one. */
export class ThrowawayRedis {
  private child: ChildProcess | null = null;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    this.child = child;
    const probe = createRedis(this.url, { lazyConnect: true });
    const deadline = Date.now() + 5_000;
    try {
      for (;;) {
        try {
          await probe.connect();
          await probe.ping();
          return;
        } catch (error) {
          if (Date.now() > deadline || child.exitCode !== null) throw error;
          probe.disconnect();
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    } finally {
      probe.disconnect();
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
