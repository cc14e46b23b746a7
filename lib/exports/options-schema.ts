import { z } from 'zod';
import { choiceListParam } from '@/lib/list-query/params';
import { isTimeZone } from '@/lib/time/dates';
import { EXPORT_COLUMN_KEYS } from './columns';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from './options';

/** The export options' strict schema (server); ./options holds the options themselves for the browser. */

const columnsParam = choiceListParam('column', EXPORT_COLUMN_KEYS);

const timestampsParam = z
  .string()
  .refine((v) => v === 'merchant' || v === 'utc' || isTimeZone(v), 'must be "merchant", "utc" or an IANA time zone such as Europe/Berlin');

const booleanParam = z.enum(['true', 'false'], 'must be true or false').transform((v) => v === 'true');

/** Strict: an unknown or invalid option is a 400 naming it. */
export const exportOptionsSchema = z
  .strictObject({
    columns: columnsParam.optional(),
    timestamps: timestampsParam.optional(),
    delimiter: z.enum(['comma', 'semicolon'], 'must be comma or semicolon').optional(),
    bom: booleanParam.optional(),
    long_ids: z.enum(['text', 'plain'], 'must be text or plain').optional(),
    format: z.enum(['csv', 'xlsx'], 'must be csv or xlsx').optional(),
  })
  .transform(
    (raw): ExportOptions => ({
      columns: raw.columns ?? DEFAULT_EXPORT_OPTIONS.columns,
      timestamps: raw.timestamps ?? DEFAULT_EXPORT_OPTIONS.timestamps,
      delimiter: raw.delimiter ?? DEFAULT_EXPORT_OPTIONS.delimiter,
      bom: raw.bom ?? DEFAULT_EXPORT_OPTIONS.bom,
      longIds: raw.long_ids ?? DEFAULT_EXPORT_OPTIONS.longIds,
      format: raw.format ?? DEFAULT_EXPORT_OPTIONS.format,
    }),
  );
