import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';

type Fields = Record<string, string | number | boolean | null | undefined>;

/**
 * Field names that hold credentials whatever the caller meant; masked as a second line of defence.
 * Callers still pass already-safe fields: never secrets or raw provider bodies.
 */
const REDACTED_FIELDS = [
  'password',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
  'clientSecret',
  'authorization',
  'cookie',
  'apiKey',
  'encryptionKey',
  'nextAuthSecret',
];

const root: Logger = pino({
  base: undefined,
  messageKey: 'event',
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: { paths: REDACTED_FIELDS, censor: '[REDACTED]' },
  // Through process.stdout rather than pino's own file descriptor writer: one ordered stream with Next's output.
}, process.stdout);

/** The logger of the request being served (a child carrying its request id), or the root one. */
const current = new AsyncLocalStorage<Logger>();

/** Runs `fn` with every log line inside it carrying `fields` (e.g. the request id). */
export function withLogFields<T>(fields: Fields, fn: () => T): T {
  return current.run((current.getStore() ?? root).child(fields), fn);
}

/** One JSON line per event: level, time, event, the request's fields, then the caller's. */
function write(level: 'info' | 'warn' | 'error', event: string, fields: Fields = {}): void {
  if (process.env.FUNDSIGHT_LOG === 'silent') return;
  (current.getStore() ?? root)[level](fields, event);
}

export const log = {
  info: (event: string, fields?: Fields) => write('info', event, fields),
  warn: (event: string, fields?: Fields) => write('warn', event, fields),
  error: (event: string, fields?: Fields) => write('error', event, fields),
};
