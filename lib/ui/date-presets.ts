/** Date presets of the list filters, as from/to calendar dates (inclusive) counted from today in the organization's zone. */

export const DATE_PRESETS = [
  { id: 'today', label: 'Today' },
  { id: '7d', label: 'Last 7 days' },
  { id: '30d', label: 'Last 30 days' },
  { id: '90d', label: 'Last 90 days' },
  { id: 'this-month', label: 'This month' },
  { id: 'last-month', label: 'Last month' },
] as const;

export type DatePreset = (typeof DATE_PRESETS)[number]['id'];

const DAY_MS = 86_400_000;

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `today` is "YYYY-MM-DD" in the organization's zone; "last N days" includes today. */
export function presetRange(preset: DatePreset, today: string): { from: string; to: string } {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case '7d':
      return { from: shift(today, -6), to: today };
    case '30d':
      return { from: shift(today, -29), to: today };
    case '90d':
      return { from: shift(today, -89), to: today };
    case 'this-month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'last-month': {
      const lastDay = shift(`${today.slice(0, 7)}-01`, -1);
      return { from: `${lastDay.slice(0, 7)}-01`, to: lastDay };
    }
    default: {
      const unreachable: never = preset;
      throw new Error(`Unknown preset ${String(unreachable)}`);
    }
  }
}

/** The preset a range is, if any, so the picker shows it after a reload. */
export function presetOf(range: { from?: string; to?: string }, today: string): DatePreset | null {
  return DATE_PRESETS.find(({ id }) => {
    const r = presetRange(id, today);
    return r.from === range.from && r.to === range.to;
  })?.id ?? null;
}
