import 'server-only';
import { z } from 'zod';
import type { KeptDay, KeptDayTotal, KeptDaysKey, KeptStart } from '@/lib/domain/kept-day';
import { TRANSACTION_TYPES, type TransactionType } from '@/lib/domain/transaction';
import type { Db, Queryable, SqlParam } from './types';

/**
 * Kept days: the exact totals of closed days an account's walk covered completely (migration 7). Read and
 * written per connection, zone and source; a connection's days go with it (foreign key, cascade).
 */

const FLOW_TYPES = [...TRANSACTION_TYPES, 'other'] as const satisfies readonly TransactionType[];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const minor = z.string().regex(/^-?\d{1,40}$/).transform((text) => BigInt(text));

const dayRowSchema = z.object({
  day: z.string().regex(ISO_DATE),
  row_count: z.coerce.number().int().nonnegative(),
  newest_id: z.string().nullable(),
  oldest_id: z.string().nullable(),
  newest_at: z.date().nullable(),
  oldest_at: z.date().nullable(),
});

const totalRowSchema = z.object({
  day: z.string().regex(ISO_DATE),
  raw_type: z.string(),
  type: z.enum(FLOW_TYPES),
  currency: z.string().regex(/^[A-Z]{3}$/),
  row_count: z.coerce.number().int().positive(),
  amount_in: minor,
  amount_out: minor,
  fee_in: minor,
  fee_out: minor,
});

/** The kept days of [from, to] (inclusive dates) for the key, oldest first. */
export async function readKeptDays(db: Queryable, key: KeptDaysKey, from: string, to: string): Promise<KeptDay[]> {
  if (from > to) return [];
  const params = [key.connectionId, key.timeZone, key.source, from, to];
  const dayRows = await db.query<unknown>(
    `select to_char(day, 'YYYY-MM-DD') as day, row_count, newest_id, oldest_id, newest_at, oldest_at from kept_days
     where connection_id = $1 and time_zone = $2 and source = $3 and day between $4::date and $5::date order by day`,
    params,
  );
  const totalRows = await db.query<unknown>(
    `select to_char(t.day, 'YYYY-MM-DD') as day, t.raw_type, t.type, t.currency, t.row_count,
       t.amount_in::text as amount_in, t.amount_out::text as amount_out, t.fee_in::text as fee_in, t.fee_out::text as fee_out
     from kept_day_totals t join kept_days d using (connection_id, time_zone, day)
     where t.connection_id = $1 and t.time_zone = $2 and d.source = $3 and t.day between $4::date and $5::date
     order by t.day, t.currency, t.raw_type`,
    params,
  );
  const totals = new Map<string, KeptDayTotal[]>();
  for (const raw of totalRows) {
    const row = totalRowSchema.parse(raw);
    const list = totals.get(row.day) ?? [];
    list.push({
      rawType: row.raw_type,
      type: row.type,
      currency: row.currency,
      count: row.row_count,
      amountIn: row.amount_in,
      amountOut: row.amount_out,
      feeIn: row.fee_in,
      feeOut: row.fee_out,
    });
    totals.set(row.day, list);
  }
  return dayRows.map((raw) => {
    const row = dayRowSchema.parse(raw);
    return {
      day: row.day,
      rows: row.row_count,
      newestId: row.newest_id,
      oldestId: row.oldest_id,
      newestAt: row.newest_at,
      oldestAt: row.oldest_at,
      totals: totals.get(row.day) ?? [],
    };
  });
}

const INSERT_BATCH = 400;

async function insertRows(tx: Queryable, head: string, width: number, rows: readonly SqlParam[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    const values = batch.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`);
    await tx.query(`${head} values ${values.join(', ')}`, batch.flat());
  }
}

/** Keeps the days (replacing any kept before for the same key and day), in one transaction. */
export async function writeKeptDays(db: Db, key: KeptDaysKey, days: readonly KeptDay[]): Promise<void> {
  if (days.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.query('delete from kept_days where connection_id = $1 and time_zone = $2 and day = any($3::date[])', [
      key.connectionId,
      key.timeZone,
      `{${days.map((d) => d.day).join(',')}}`,
    ]);
    await insertRows(
      tx,
      `insert into kept_days (connection_id, time_zone, source, day, row_count, newest_id, oldest_id, newest_at, oldest_at)`,
      9,
      days.map((d) => [key.connectionId, key.timeZone, key.source, d.day, d.rows, d.newestId, d.oldestId, d.newestAt, d.oldestAt]),
    );
    await insertRows(
      tx,
      `insert into kept_day_totals (connection_id, time_zone, day, raw_type, type, currency, row_count, amount_in, amount_out, fee_in, fee_out)`,
      11,
      days.flatMap((d) =>
        d.totals.map((t) => [
          key.connectionId,
          key.timeZone,
          d.day,
          t.rawType,
          t.type,
          t.currency,
          t.count,
          t.amountIn.toString(),
          t.amountOut.toString(),
          t.feeIn.toString(),
          t.feeOut.toString(),
        ]),
      ),
    );
  });
}

const startRowSchema = z.object({ oldest_id: z.string(), oldest_at: z.date() });

/**
 * The kept row nearest after `instantMs` (the oldest row of the kept day whose oldest row is the earliest at
 * or after it), in any zone, with its time: the provider's list continues after it with every row older than
 * the instant. Null when no kept day lies after the instant.
 */
export async function keptStartId(
  db: Queryable,
  target: { readonly connectionId: string; readonly source: string },
  instantMs: number,
): Promise<KeptStart | null> {
  const [row] = await db.query<unknown>(
    `select oldest_id, oldest_at from kept_days where connection_id = $1 and source = $2 and oldest_at >= $3 and oldest_id is not null
     order by oldest_at, oldest_id limit 1`,
    [target.connectionId, target.source, new Date(instantMs)],
  );
  if (row === undefined) return null;
  const start = startRowSchema.parse(row);
  return { id: start.oldest_id, at: start.oldest_at };
}

/** The organization's zone changed: its connections' days were cut in the old one. */
export async function forgetOrganizationKeptDays(db: Queryable, organizationId: string): Promise<void> {
  await db.query(
    'delete from kept_days where connection_id in (select id from provider_connections where organization_id = $1)',
    [organizationId],
  );
}

/** The connection now points at another account (base URL or settings changed). */
export async function forgetConnectionKeptDays(db: Queryable, connectionId: string): Promise<void> {
  await db.query('delete from kept_days where connection_id = $1', [connectionId]);
}
