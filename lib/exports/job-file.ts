import 'server-only';
import type { Hash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip, constants } from 'node:zlib';
import { readExportChunks, type ExportJob } from '@/lib/db/export-jobs';
import type { Queryable } from '@/lib/db/types';
import { contentDisposition } from './http';

/** The stored file: one gzip member per chunk, read back in order. */

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
/** Chunks read from the database at a time while serving or hashing. */
const BATCH = 8;

export interface PackedChunk {
  readonly data: Uint8Array;
  readonly rawBytes: number;
}

/** Compresses on the thread pool, so the next provider page is parsed meanwhile. */
export async function packChunk(parts: readonly Buffer[]): Promise<PackedChunk | null> {
  const raw = parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts);
  if (raw.byteLength === 0) return null;
  return { data: await gzipAsync(raw, { level: constants.Z_BEST_SPEED }), rawBytes: raw.byteLength };
}

/** The file's bytes as served, chunk by chunk; only its first `count` chunks when given (those stored so far). */
export async function* fileBytes(db: Queryable, jobId: string, count = Number.POSITIVE_INFINITY): AsyncGenerator<Buffer, void, undefined> {
  for (let seq = 0; seq < count; ) {
    const chunks = await readExportChunks(db, jobId, seq, Math.min(BATCH, count - seq));
    if (chunks.length === 0) {
      if (Number.isFinite(count)) throw new Error(`export file ${jobId} misses chunk ${seq}`);
      return;
    }
    for (const chunk of chunks) {
      if (chunk.seq !== seq) throw new Error(`export file ${jobId} misses chunk ${seq}`);
      seq += 1;
      yield await gunzipAsync(chunk.data);
    }
  }
}

/** Feeds the file's first `count` chunks (all, when not given) to `hash`; resolves with their bytes. */
export async function hashStoredChunks(db: Queryable, jobId: string, hash: Hash, count?: number): Promise<number> {
  let bytes = 0;
  for await (const part of fileBytes(db, jobId, count)) {
    hash.update(part);
    bytes += part.byteLength;
  }
  return bytes;
}

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** A completed job's file as a download: exact length, its name, and the SHA-256 of the bytes served. */
export function fileResponse(db: Queryable, job: ExportJob & { readonly sha256: string }): Response {
  const parts = fileBytes(db, job.id);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
    },
    async cancel() {
      await parts.return();
    },
  });
  const digest = Buffer.from(job.sha256, 'hex').toString('base64');
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': CONTENT_TYPES[job.format],
      'Content-Length': String(job.byteCount),
      'Content-Disposition': contentDisposition(job.fileName),
      ETag: `"sha256-${job.sha256}"`,
      'Repr-Digest': `sha-256=:${digest}:`,
      Digest: `sha-256=${digest}`,
      'Cache-Control': 'private, no-store, no-transform',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
