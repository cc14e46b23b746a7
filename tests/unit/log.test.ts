import { afterEach, describe, expect, it, vi } from 'vitest';
import { log, withLogFields } from '@/lib/log';

function captured(run: () => void): Record<string, unknown>[] {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return lines.join('').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

afterEach(() => vi.unstubAllEnvs());

describe('log', () => {
  it('writes one JSON line per event with level, time, event and the fields', () => {
    vi.stubEnv('FUNDSIGHT_LOG', '');
    const [line] = captured(() => log.warn('provider.retry', { provider: 'shopline', attempt: 1 }));
    expect(line).toMatchObject({ level: 'warn', event: 'provider.retry', provider: 'shopline', attempt: 1 });
    expect(Date.parse(String(line?.time))).not.toBeNaN();
  });

  it('carries the request id into every line inside withLogFields, also across awaits', async () => {
    vi.stubEnv('FUNDSIGHT_LOG', '');
    const lines: Record<string, unknown>[] = [];
    await withLogFields({ requestId: 'req-1' }, async () => {
      lines.push(...captured(() => log.info('a')));
      await new Promise((resolve) => setTimeout(resolve, 1));
      lines.push(...captured(() => log.error('b', { code: 'x' })));
    });
    lines.push(...captured(() => log.info('outside')));
    expect(lines.map((l) => [l.event, l.requestId])).toEqual([
      ['a', 'req-1'],
      ['b', 'req-1'],
      ['outside', undefined],
    ]);
  });

  it('masks fields named like credentials, and is silent when FUNDSIGHT_LOG=silent', () => {
    vi.stubEnv('FUNDSIGHT_LOG', '');
    const [line] = captured(() => log.info('x', { accessToken: 'gpat_secret', password: 'hunter2', shop: 'acme' }));
    expect(line).toMatchObject({ accessToken: '[REDACTED]', password: '[REDACTED]', shop: 'acme' });
    vi.stubEnv('FUNDSIGHT_LOG', 'silent');
    expect(captured(() => log.error('quiet'))).toEqual([]);
  });
});
