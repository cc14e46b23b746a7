import { createRecordCounter } from '@/lib/csv/record-counter';
import { ApiClientError } from '@/lib/query/fetch-json';
import { EXPORT_ID_HEADER, fileNameFromDisposition } from './http';

/** Browser side of an export: fetch the CSV, count its records as they arrive, hand the bytes to a sink. */

export interface ExportProgress {
  /** Records written so far, the header excluded. */
  readonly rows: number;
  readonly bytes: number;
}

/** Where the file goes: kept in memory and saved at the end, or written to disk as it arrives. */
export interface ExportSink {
  write(chunk: Uint8Array<ArrayBuffer>): Promise<void> | void;
  /** The download ended cleanly: make the file. */
  finish(fileName: string): Promise<void> | void;
  /** Failed or cancelled: leave no file behind. */
  discard(): Promise<void> | void;
}

/** The transfer broke off before the server ended it: the rows so far are not the whole export. */
export class ExportInterruptedError extends Error {
  override readonly name = 'ExportInterruptedError';
  constructor(
    readonly progress: ExportProgress,
    readonly exportId: string | null,
  ) {
    super('The export stopped before the file was complete.');
  }
}

export interface ExportResult extends ExportProgress {
  readonly fileName: string;
  readonly exportId: string | null;
}

async function refusal(response: Response): Promise<ApiClientError> {
  const body: unknown = await response.json().catch(() => null);
  const error = (body as { error?: { code?: unknown; message?: unknown; traceId?: unknown } } | null)?.error;
  return new ApiClientError(
    response.status,
    typeof error?.code === 'string' ? error.code : 'http_error',
    typeof error?.message === 'string' ? error.message : `The export failed (${response.status}).`,
    typeof error?.traceId === 'string' ? error.traceId : null,
  );
}

export async function runExport(
  url: string,
  options: { readonly sink: ExportSink; readonly signal: AbortSignal; readonly fallbackName: string; readonly onProgress: (p: ExportProgress) => void },
): Promise<ExportResult> {
  const { sink, signal } = options;
  let exportId: string | null = null;
  const counter = createRecordCounter();
  let bytes = 0;
  const progress = (): ExportProgress => ({ rows: Math.max(0, counter.records - 1), bytes });
  try {
    const response = await fetch(url, { signal, headers: { Accept: 'text/csv' } });
    if (!response.ok || !response.body) throw await refusal(response);
    exportId = response.headers.get(EXPORT_ID_HEADER);
    const fileName = fileNameFromDisposition(response.headers.get('content-disposition')) ?? options.fallbackName;
    const reader = response.body.getReader();
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array<ArrayBuffer>>;
      try {
        result = await reader.read();
      } catch (error) {
        if (signal.aborted) throw error;
        throw new ExportInterruptedError(progress(), exportId);
      }
      if (result.done) break;
      counter.push(result.value);
      bytes += result.value.byteLength;
      await sink.write(result.value);
      options.onProgress(progress());
    }
    await sink.finish(fileName);
    return { ...progress(), fileName, exportId };
  } catch (error) {
    await sink.discard();
    throw error;
  }
}

/** Keeps the chunks and saves them as one Blob through a download link, named as the server said. */
export function memorySink(): ExportSink {
  let chunks: Uint8Array<ArrayBuffer>[] = [];
  return {
    write(chunk) {
      chunks.push(chunk);
    },
    finish(fileName) {
      const url = URL.createObjectURL(new Blob(chunks, { type: 'text/csv;charset=utf-8' }));
      chunks = [];
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.style.display = 'none';
      document.body.append(link);
      link.click();
      link.remove();
      // The click starts the download asynchronously; revoking at once could cancel it.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    discard() {
      chunks = [];
    },
  };
}

/** Streams to a file picked with the File System Access API; an aborted write leaves the file untouched. */
export function fileSink(writable: FileSystemWritableFileStream): ExportSink {
  return {
    write: (chunk) => writable.write(chunk),
    finish: () => writable.close(),
    discard: () => writable.abort().catch(() => undefined),
  };
}

type SavePicker = (options: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<FileSystemFileHandle>;

/** The browser's save picker, where it has one (Chromium); null elsewhere. */
export function savePicker(): SavePicker | null {
  if (typeof window === 'undefined') return null;
  const picker: unknown = Reflect.get(window, 'showSaveFilePicker');
  return typeof picker === 'function' ? (picker.bind(window) as SavePicker) : null;
}
