'use client';

import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, canonicalColumns } from '@/lib/exports/columns';
import styles from './export-dialog.module.css';
import { browserTimeZone, type ExportSettings, type ZoneChoice } from './use-export-settings';

interface Props {
  readonly settings: ExportSettings;
  readonly onChange: (next: ExportSettings) => void;
  readonly merchantTimeZone: string | null;
}

const FORMATS = [
  {
    value: 'xlsx',
    label: 'Excel workbook (.xlsx)',
    help: 'For spreadsheets: ids stay exact text, amounts are numbers with their currency’s decimals, times are dates.',
  },
  {
    value: 'csv',
    label: 'CSV (.csv)',
    help: 'For programs and imports: exact text, plain ids. A spreadsheet may round ids longer than 15 digits.',
  },
] as const;

export function ExportOptionsForm({ settings, onChange, merchantTimeZone }: Props) {
  const set = (change: Partial<ExportSettings>) => onChange({ ...settings, ...change });
  const zones: { value: ZoneChoice; label: string }[] = [
    { value: 'merchant', label: `Merchant time${merchantTimeZone ? ` (${merchantTimeZone})` : ''}` },
    { value: 'utc', label: 'UTC' },
    { value: 'browser', label: `This browser (${browserTimeZone()})` },
  ];
  const csv = settings.format === 'csv';
  return (
    <div className="stack">
      <fieldset className={styles.choices}>
        <legend>Format</legend>
        {FORMATS.map((format) => (
          <label key={format.value} className={`check ${styles.format}`}>
            <input type="radio" name="export-format" checked={settings.format === format.value} onChange={() => set({ format: format.value })} />
            <span>
              {format.label}
              <span className="faint" style={{ display: 'block' }}>
                {format.help}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className={styles.columns}>
        <legend>Columns ({settings.columns.length})</legend>
        {EXPORT_COLUMNS.map((column) => (
          <label key={column.key} className="check">
            <input
              type="checkbox"
              checked={settings.columns.includes(column.key)}
              onChange={(event) =>
                set({
                  columns: canonicalColumns(
                    event.target.checked ? [...settings.columns, column.key] : settings.columns.filter((key) => key !== column.key),
                  ),
                })
              }
            />
            {column.label}
          </label>
        ))}
        <div>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => set({ columns: DEFAULT_EXPORT_COLUMNS })}>
            Default columns
          </button>
        </div>
      </fieldset>
      <div className={styles.row}>
        <fieldset className={styles.choices}>
          <legend>Timestamps</legend>
          {zones.map((zone) => (
            <label key={zone.value} className="check">
              <input type="radio" name="export-zone" checked={settings.zone === zone.value} onChange={() => set({ zone: zone.value })} />
              {zone.label}
            </label>
          ))}
          <span className="faint">Outside UTC, each time column is followed by a _utc column.</span>
        </fieldset>
        {csv && (
          <div className="stack" style={{ gap: 10 }}>
            <div className="field">
              <label htmlFor="export-delimiter">Delimiter</label>
              <select
                id="export-delimiter"
                className="select"
                value={settings.delimiter}
                onChange={(event) => set({ delimiter: event.target.value === 'semicolon' ? 'semicolon' : 'comma' })}
              >
                <option value="comma">Comma (,) and decimal point</option>
                <option value="semicolon">Semicolon (;) and decimal comma, for de-DE, fr-FR…</option>
              </select>
            </div>
            <label className="check">
              <input type="checkbox" checked={settings.bom} onChange={(event) => set({ bom: event.target.checked })} />
              UTF-8 BOM (for Excel)
            </label>
            <label className="check" title="Ids longer than 15 digits get a leading ' so a spreadsheet keeps every digit">
              <input
                type="checkbox"
                checked={settings.longIds === 'text'}
                onChange={(event) => set({ longIds: event.target.checked ? 'text' : 'plain' })}
              />
              Mark long ids for spreadsheets (leading &apos;)
            </label>
          </div>
        )}
      </div>
    </div>
  );
}
