import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportInterruptedError, runExport, type ExportSink } from '@/lib/exports/download';
import { ApiClientError } from '@/lib/query/fetch-json';

const encoder = new TextEncoder();

function recordingSink() {
  const log: string[] = [];
  let bytes = 0;
  const sink: ExportSink = {
    write: (chunk) => {
      bytes += chunk.byteLength;
    },
    finish: (name) => void log.push(`finish ${name}`),
    discard: () => void log.push('discard'),
  };
  return { sink, log, bytes: () => bytes };
}

/** A CSV response whose body yields `chunks`, then ends or (with `fail`) breaks off. */
function csvResponse(chunks: string[], fail = false): Response {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
      else if (fail) controller.error(new TypeError('terminated'));
      else controller.close();
    },
  });
  return new Response(body, {
    headers: {
      'Content-Disposition': `attachment; filename="acme.csv"; filename*=UTF-8''acme.csv`,
      'X-Export-Id': 'export-1',
    },
  });
}

const options = (sink: ExportSink, signal = new AbortController().signal) => ({ sink, signal, fallbackName: 'fallback.csv', onProgress: vi.fn() });

afterEach(() => vi.unstubAllGlobals());

describe('runExport (browser)', () => {
  it('counts the rows as they arrive and saves the file under the server’s name', async () => {
    vi.stubGlobal('fetch', async () => csvResponse(['\uFEFFid,note\r\n1,"two\nlines"\r\n', '2,x\r\n3,', 'y\r\n']));
    const { sink, log } = recordingSink();
    const run = options(sink);
    const result = await runExport('/x', run);
    expect(result).toMatchObject({ rows: 3, fileName: 'acme.csv', exportId: 'export-1' });
    expect(log).toEqual(['finish acme.csv']);
    expect(run.onProgress).toHaveBeenLastCalledWith({ rows: 3, bytes: result.bytes });
  });

  it('treats a transfer that breaks off as a failed export and keeps no file', async () => {
    vi.stubGlobal('fetch', async () => csvResponse(['id\r\n1\r\n2\r\n'], true));
    const { sink, log } = recordingSink();
    const error = await runExport('/x', options(sink)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportInterruptedError);
    expect(error).toMatchObject({ progress: { rows: 2 }, exportId: 'export-1' });
    expect(log).toEqual(['discard']);
  });

  it('passes the server’s refusal on with its message and trace id', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(JSON.stringify({ error: { code: 'provider_error', message: 'The provider is unavailable right now.', traceId: 't-9' } }), {
          status: 502,
        }),
    );
    const { sink, log } = recordingSink();
    const error = await runExport('/x', options(sink)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 502, message: 'The provider is unavailable right now.', traceId: 't-9' });
    expect(log).toEqual(['discard']);
  });

  it('stops reading and keeps no file when cancelled', async () => {
    const controller = new AbortController();
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      const body = new ReadableStream<Uint8Array>({
        start(stream) {
          stream.enqueue(encoder.encode('id\r\n1\r\n'));
          init.signal?.addEventListener('abort', () => stream.error(init.signal?.reason));
        },
      });
      return new Response(body);
    });
    const { sink, log } = recordingSink();
    const running = runExport('/x', { ...options(sink, controller.signal), onProgress: () => controller.abort() });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(log).toEqual(['discard']);
  });
});
