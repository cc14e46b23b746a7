import { describe, expect, it, vi } from 'vitest';
import { csvStream, type CsvChunk, type ExportEnd } from '@/lib/exports/stream';

const decoder = new TextDecoder();

/** A chunk source that counts how often it was asked, failing at `failAt` (1-based) if set. */
function source(count: number, failAt?: number) {
  let asked = 0;
  const rest: AsyncIterator<CsvChunk, void, undefined> = {
    async next() {
      asked += 1;
      if (asked === failAt) throw new Error('provider still failing');
      if (asked > count) return { done: true, value: undefined };
      return { done: false, value: { texts: [`row${asked}\r\n`], rows: 1 } };
    },
  };
  return { rest, asked: () => asked };
}

function setup(count: number, failAt?: number) {
  const { rest, asked } = source(count, failAt);
  const ends: ExportEnd[] = [];
  const controller = new AbortController();
  const abort = vi.fn((reason: unknown) => controller.abort(reason));
  const stream = csvStream({
    head: { texts: ['id\r\nrow0\r\n'], rows: 1 },
    rest,
    signal: controller.signal,
    abort,
    onEnd: async (end) => {
      ends.push(end);
    },
  });
  return { stream, asked, ends, abort, controller };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('csvStream', () => {
  it('writes the head, then one chunk per pull, and records completion before closing', async () => {
    const { stream, ends } = setup(3);
    const text = decoder.decode(await new Response(stream).arrayBuffer());
    expect(text).toBe('id\r\nrow0\r\nrow1\r\nrow2\r\nrow3\r\n');
    expect(ends).toEqual([{ outcome: 'completed', rows: 4 }]);
  });

  it('asks for the next chunk only when the reader has taken the queued one (backpressure)', async () => {
    const { stream, asked } = setup(100);
    const reader = stream.getReader();
    await tick();
    expect(asked()).toBe(0);
    await reader.read();
    await tick();
    expect(asked()).toBe(1);
    await reader.read();
    await reader.read();
    await tick();
    expect(asked()).toBe(3);
    await reader.cancel();
  });

  it('writes a page of several texts as consecutive parts, and asks for the next page once all are taken', async () => {
    let asked = 0;
    const stream = csvStream({
      head: { texts: ['id\r\n', 'a\r\n', 'b\r\n'], rows: 2 },
      rest: {
        async next() {
          asked += 1;
          return asked > 1 ? { done: true, value: undefined } : { done: false, value: { texts: ['c\r\n', '', 'd\r\n'], rows: 2 } };
        },
      },
      signal: new AbortController().signal,
      abort: () => undefined,
      onEnd: async () => undefined,
    });
    const reader = stream.getReader();
    const parts: string[] = [];
    for (let i = 0; i < 2; i += 1) parts.push(decoder.decode((await reader.read()).value, { stream: true }));
    await tick();
    expect(asked).toBe(0);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(decoder.decode(value, { stream: true }));
    }
    expect(parts).toEqual(['id\r\n', 'a\r\n', 'b\r\n', 'c\r\n', 'd\r\n']);
  });

  it('on cancel aborts the provider calls and records a cancelled export with the rows so far', async () => {
    const { stream, ends, abort, asked } = setup(100);
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel('user cancelled');
    expect(abort).toHaveBeenCalledWith('user cancelled');
    expect(ends).toEqual([{ outcome: 'cancelled', rows: 2 }]);
    const before = asked();
    await tick();
    expect(asked()).toBe(before);
  });

  it('errors the stream on a failure midway, never ending it cleanly, and records the failure first', async () => {
    const { stream, ends } = setup(100, 3);
    const reader = stream.getReader();
    const seen: string[] = [];
    const failure = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return null;
        seen.push(decoder.decode(value));
      }
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(seen.join('')).toBe('id\r\nrow0\r\nrow1\r\nrow2\r\n');
    expect(ends).toHaveLength(1);
    expect(ends[0]).toMatchObject({ outcome: 'failed', rows: 3 });
  });
});

describe('csvStream when the request is aborted without a cancel', () => {
  it('stops asking, errors the body and records a cancelled export', async () => {
    const { stream, ends, asked, controller } = setup(100);
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    controller.abort(new DOMException('client went away', 'AbortError'));
    await expect(reader.read()).rejects.toThrow('client went away');
    expect(ends).toHaveLength(1);
    expect(ends[0]?.outcome).toBe('cancelled');
    expect(ends[0]?.rows).toBeGreaterThanOrEqual(2);
    const before = asked();
    await tick();
    expect(asked()).toBe(before);
  });
});
