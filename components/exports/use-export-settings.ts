'use client';

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { canonicalColumns, DEFAULT_EXPORT_COLUMNS, type ExportColumnKey } from '@/lib/exports/columns';
import { DEFAULT_EXPORT_OPTIONS, type DelimiterName, type ExportOptions, type FileFormat } from '@/lib/exports/options';

/** The dialog's choices, remembered in this browser; a stored value that no longer parses falls back to the defaults. */

export type ZoneChoice = 'merchant' | 'utc' | 'browser';

export interface ExportSettings {
  readonly columns: readonly ExportColumnKey[];
  readonly zone: ZoneChoice;
  readonly delimiter: DelimiterName;
  readonly bom: boolean;
  readonly longIds: 'text' | 'plain';
  readonly format: FileFormat;
}

export const DEFAULT_SETTINGS: ExportSettings = {
  columns: DEFAULT_EXPORT_COLUMNS,
  zone: 'merchant',
  delimiter: DEFAULT_EXPORT_OPTIONS.delimiter,
  bom: DEFAULT_EXPORT_OPTIONS.bom,
  longIds: DEFAULT_EXPORT_OPTIONS.longIds,
  format: DEFAULT_EXPORT_OPTIONS.format,
};

const KEY = 'fundsight.exports.settings';
const listeners = new Set<() => void>();

const storedSchema = z.object({
  columns: z.array(z.string()).transform(canonicalColumns).catch([...DEFAULT_SETTINGS.columns]),
  zone: z.enum(['merchant', 'utc', 'browser']).catch(DEFAULT_SETTINGS.zone),
  delimiter: z.enum(['comma', 'semicolon']).catch(DEFAULT_SETTINGS.delimiter),
  bom: z.boolean().catch(DEFAULT_SETTINGS.bom),
  longIds: z.enum(['text', 'plain']).catch(DEFAULT_SETTINGS.longIds),
  format: z.enum(['csv', 'xlsx']).catch(DEFAULT_SETTINGS.format),
});

function parseStored(raw: string | null): ExportSettings {
  if (raw === null) return DEFAULT_SETTINGS;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    if (!parsed.success || parsed.data.columns.length === 0) return DEFAULT_SETTINGS;
    return parsed.data;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The options the server takes; the browser's zone is sent by name. */
export function toExportOptions(settings: ExportSettings): ExportOptions {
  const timestamps = settings.zone === 'browser' ? browserTimeZone() : settings.zone;
  return { columns: settings.columns, timestamps, delimiter: settings.delimiter, bom: settings.bom, longIds: settings.longIds, format: settings.format };
}

export function useExportSettings(): [ExportSettings, (next: ExportSettings) => void] {
  const raw = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => window.localStorage.getItem(KEY),
    () => null,
  );
  const settings = useMemo(() => parseStored(raw), [raw]);
  const save = useCallback((next: ExportSettings) => {
    window.localStorage.setItem(KEY, JSON.stringify(next));
    listeners.forEach((listener) => listener());
  }, []);
  return [settings, save];
}
