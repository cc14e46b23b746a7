/**
 * The CSV body as a pull stream: the next chunk (one provider page of rows) is produced only when the
 * consumer has taken the previous one, so a slow or stalled download stops the provider paging. A
 * failure errors the stream, so the HTTP response is cut off instead of ending cleanly; a cancel
 * (client gone, download stopped) aborts the provider calls. Each end is reported once, before the
 * stream closes or errors, so the audit record is final when the client sees the end.
 */

/** Whole records as a few strings of modest size: one string per page would be a large object for the GC. */
export interface CsvChunk {
  readonly texts: readonly string[];
  readonly rows: number;
}

export type ExportEnd =
  | { readonly outcome: 'completed'; readonly rows: number }
  | { readonly outcome: 'failed'; readonly rows: number; readonly error: unknown }
  | { readonly outcome: 'cancelled'; readonly rows: number };

export interface CsvStreamInput {
  /** The first chunk: BOM, header and the first page's rows, produced before the response starts. */
  readonly head: CsvChunk;
  readonly rest: AsyncIterator<CsvChunk, void, undefined>;
  /** Aborted when the download is cancelled; provider calls listen to it. */
  readonly signal: AbortSignal;
  readonly abort: (reason: unknown) => void;
  readonly onEnd: (end: ExportEnd) => Promise<void>;
}

export function csvStream(input: CsvStreamInput): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const enqueue = (controller: ReadableStreamDefaultController<Uint8Array>, chunk: CsvChunk) => {
    for (const text of chunk.texts) if (text !== '') controller.enqueue(encoder.encode(text));
  };
  let rows = input.head.rows;
  let ended = false;
  const end = async (result: ExportEnd) => {
    if (ended) return;
    ended = true;
    await input.onEnd(result);
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        enqueue(controller, input.head);
        // The client going away may abort the request without cancelling the body; stop all the same.
        input.signal.addEventListener(
          'abort',
          () => {
            if (ended) return;
            void end({ outcome: 'cancelled', rows }).then(() => controller.error(input.signal.reason));
          },
          { once: true },
        );
      },
      async pull(controller) {
        try {
          for (;;) {
            const next = await input.rest.next();
            if (next.done) {
              await end({ outcome: 'completed', rows });
              controller.close();
              return;
            }
            if (next.value.rows === 0 && next.value.texts.every((text) => text === '')) continue;
            rows += next.value.rows;
            enqueue(controller, next.value);
            return;
          }
        } catch (error) {
          if (ended) return;
          await end(input.signal.aborted ? { outcome: 'cancelled', rows } : { outcome: 'failed', rows, error });
          controller.error(error);
        }
      },
      async cancel(reason) {
        const recorded = end({ outcome: 'cancelled', rows });
        input.abort(reason);
        void input.rest.return?.();
        await recorded;
      },
    },
    // One page queued at most: the next page is asked for when the consumer has taken this one's parts.
    new CountQueuingStrategy({ highWaterMark: 1 }),
  );
}
