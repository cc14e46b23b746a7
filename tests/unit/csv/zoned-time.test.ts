import { describe, expect, it } from 'vitest';
import { formatUtc, zonedFormatter } from '@/lib/csv/zoned-time';

/** The slow, obviously right answer: Intl for every instant. */
function reference(epochMs: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(epochMs))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

const at = (iso: string) => Date.parse(iso);

describe('zoned timestamps', () => {
  it('writes UTC as YYYY-MM-DD HH:mm:ss, which spreadsheets read as a date-time', () => {
    expect(formatUtc(at('2022-02-25T18:00:42+08:00'))).toBe('2022-02-25 10:00:42');
    expect(zonedFormatter('UTC')(at('2024-01-01T00:00:00Z'))).toBe('2024-01-01 00:00:00');
  });

  it('follows New York across the spring-forward gap (2024-03-10)', () => {
    const ny = zonedFormatter('America/New_York');
    expect(ny(at('2024-03-10T06:59:59Z'))).toBe('2024-03-10 01:59:59');
    expect(ny(at('2024-03-10T07:00:00Z'))).toBe('2024-03-10 03:00:00');
    expect(ny(at('2024-03-10T07:30:00Z'))).toBe('2024-03-10 03:30:00');
  });

  it('writes both 01:30 of the fall-back night (2024-11-03); the _utc column tells them apart', () => {
    const ny = zonedFormatter('America/New_York');
    expect(ny(at('2024-11-03T05:30:00Z'))).toBe('2024-11-03 01:30:00');
    expect(ny(at('2024-11-03T06:30:00Z'))).toBe('2024-11-03 01:30:00');
    expect(formatUtc(at('2024-11-03T05:30:00Z'))).not.toBe(formatUtc(at('2024-11-03T06:30:00Z')));
  });

  it('is exact inside an hour that holds an offset change at half past (Adelaide, 2024-04-06T16:30Z)', () => {
    const adelaide = zonedFormatter('Australia/Adelaide');
    for (let minute = 0; minute < 60; minute += 5) {
      const ms = at('2024-04-06T16:00:00Z') + minute * 60_000;
      expect(adelaide(ms)).toBe(reference(ms, 'Australia/Adelaide'));
    }
    expect(adelaide(at('2024-04-06T16:29:59Z'))).toBe('2024-04-07 02:59:59');
    expect(adelaide(at('2024-04-06T16:30:00Z'))).toBe('2024-04-07 02:00:00');
  });

  it.each(['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo'])(
    'agrees with Intl for instants across years in %s, in any order',
    (zone) => {
      const format = zonedFormatter(zone);
      let seed = 7;
      for (let i = 0; i < 2_000; i += 1) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        const ms = at('2015-01-01T00:00:00Z') + (seed % (12 * 365 * 24 * 60)) * 60_000 + (i % 60) * 1000;
        expect(format(ms)).toBe(reference(ms, zone));
      }
    },
  );

  it('refuses an unknown zone', () => {
    expect(() => zonedFormatter('Mars/Olympus')).toThrow(RangeError);
  });
});
