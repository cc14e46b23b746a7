import { useEffect, useId, useRef, useState } from 'react';
import { dateIn } from '@/lib/time/dates';
import { DATE_PRESETS, presetOf, presetRange, type DatePreset } from '@/lib/ui/date-presets';
import { useTimeZone } from './time-zone';

export interface DateRange {
  readonly from?: string;
  readonly to?: string;
}

const COMMIT_DELAY_MS = 700;

/** From/to date inputs that apply after a pause, on blur or on Enter, so typing a year is one change, not four. */
export function DateRangeFilter({ value, onChange }: { value: DateRange; onChange: (range: DateRange) => void }) {
  const id = useId();
  const applied = { from: value.from ?? '', to: value.to ?? '' };
  const [draft, setDraft] = useState(applied);
  const [seen, setSeen] = useState(applied);
  // Follows the URL (back/forward, Clear filters) without remounting, so focus stays in the input.
  if (seen.from !== applied.from || seen.to !== applied.to) {
    setSeen(applied);
    setDraft(applied);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const reversed = draft.from !== '' && draft.to !== '' && draft.from > draft.to;
  const commit = (next: typeof draft) => {
    clearTimeout(timer.current);
    if (next.from !== '' && next.to !== '' && next.from > next.to) return;
    if (next.from === applied.from && next.to === applied.to) return;
    onChange({ from: next.from || undefined, to: next.to || undefined });
  };
  const edit = (field: 'from' | 'to', text: string) => {
    const next = { ...draft, [field]: text };
    setDraft(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(next), COMMIT_DELAY_MS);
  };
  const input = (field: 'from' | 'to', label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        type="date"
        className="input"
        value={draft[field]}
        min={field === 'to' ? draft.from || undefined : undefined}
        max={field === 'from' ? draft.to || undefined : undefined}
        aria-invalid={reversed || undefined}
        aria-describedby={reversed ? `${id}-range-error` : undefined}
        onChange={(event) => edit(field, event.target.value)}
        onBlur={() => commit(draft)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(draft);
        }}
      />
    </div>
  );

  return (
    <>
      <PresetPicker id={`${id}-preset`} value={applied} onChange={onChange} />
      {input('from', 'From')}
      {input('to', 'To')}
      {reversed && (
        <p id={`${id}-range-error`} className="field-error" role="alert">
          “From” must be on or before “To”.
        </p>
      )}
    </>
  );
}

/** Today, the last 7 / 30 / 90 days, this month or last month, counted in the organization's zone. */
function PresetPicker({ id, value, onChange }: { id: string; value: { from: string; to: string }; onChange: (range: DateRange) => void }) {
  const timeZone = useTimeZone();
  const today = dateIn(timeZone, new Date());
  const current = presetOf({ from: value.from || undefined, to: value.to || undefined }, today);
  return (
    <div className="field">
      <label htmlFor={id}>Period</label>
      <select
        id={id}
        className="select"
        value={current ?? (value.from || value.to ? 'custom' : 'any')}
        onChange={(event) => {
          const choice = event.target.value;
          if (choice === 'any') onChange({ from: undefined, to: undefined });
          else if (choice !== 'custom') onChange(presetRange(choice as DatePreset, today));
        }}
      >
        <option value="any">Any time</option>
        {DATE_PRESETS.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {preset.label}
          </option>
        ))}
        <option value="custom" disabled>
          Custom dates
        </option>
      </select>
    </div>
  );
}
