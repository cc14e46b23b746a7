import { knownOffsetMs } from '@/lib/domain/zone-offsets';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withSeconds}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(withSeconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * The app's one module for dates: date-time "2024-03-15 14:02" (":05" with seconds) and date "2024-03-15",
 * in the given zone (the organization's); built from parts so server and browser render the same text.
 * With the zone's offsets kept (lib/domain/zone-offsets) the text is arithmetic on the instant; otherwise Intl's.
 */
export function formatZoned(iso: string, timeZone: string, withSeconds = false): string {
  const epochMs = Date.parse(iso);
  const offset = Number.isFinite(epochMs) ? knownOffsetMs(epochMs, timeZone) : undefined;
  if (offset !== undefined) {
    const wall = new Date(epochMs + offset).toISOString();
    return `${wall.slice(0, 10)} ${wall.slice(11, withSeconds ? 19 : 16)}`;
  }
  return intlZoned(iso, timeZone, withSeconds);
}

function intlZoned(iso: string, timeZone: string, withSeconds: boolean): string {
  const parts = formatterFor(timeZone, withSeconds).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}${withSeconds ? `:${part('second')}` : ''}`;
  return `${part('year')}-${part('month')}-${part('day')} ${time}`;
}

export function ZonedDate({ iso, timeZone, withSeconds = false }: { iso: string; timeZone: string; withSeconds?: boolean }) {
  return (
    <time dateTime={iso} className="num">
      {formatZoned(iso, timeZone, withSeconds)}
    </time>
  );
}

/** "2024-03-15": the date part of the same format, in the given zone. */
export function formatZonedDate(iso: string, timeZone: string): string {
  return formatZoned(iso, timeZone).slice(0, 10);
}
