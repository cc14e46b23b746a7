import type { IncomingMessage } from 'node:http';

export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** A list answer's newest and oldest row times (epoch ms), for the stats; never sent. */
  rowTimes?: readonly [number, number];
}

/** A parsed request as the provider handlers see it. */
export interface SandboxRequest {
  method: string;
  /** Path below the provider prefix, e.g. '/api/202412/balance'. */
  path: string;
  /** Full request path, used for fault matching and logs. */
  fullPath: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Host header as the client sent it, to build absolute `link` URLs. */
  host: string;
  /** Shop (GenPayment) or handle (SHOPLINE) taken from the URL, standing in for the real subdomain. */
  account: string | undefined;
  body: string;
}

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): SandboxResponse {
  return rawJsonResponse(status, JSON.stringify(value), headers);
}

export function rawJsonResponse(status: number, body: string, headers: Record<string, string> = {}): SandboxResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body };
}

export function headerValue(headers: IncomingMessage['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function bearerToken(headers: IncomingMessage['headers']): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headerValue(headers, 'authorization') ?? '');
  return match?.[1];
}

const MAX_BODY_BYTES = 64 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A JSON number emitted verbatim from its decimal text, so no float ever touches it. */
export class RawNumber {
  constructor(readonly text: string) {
    if (!/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text)) throw new Error(`not a JSON number: ${text}`);
  }
}

export type RawJsonValue = string | number | boolean | null | RawNumber | RawJsonValue[] | { [key: string]: RawJsonValue };

/** JSON.stringify that also writes RawNumber values as exact numeric literals. */
export function stringifyRaw(value: RawJsonValue): string {
  if (value instanceof RawNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(stringifyRaw).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).map(([key, field]) => `${JSON.stringify(key)}:${stringifyRaw(field)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value);
}
