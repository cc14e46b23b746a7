import { describe, expect, it } from 'vitest';
import { DATE_PRESETS, presetOf, presetRange } from '@/lib/ui/date-presets';

describe('date presets', () => {
  it.each([
    ['today', '2024-03-15', '2024-03-15', '2024-03-15'],
    ['7d', '2024-03-15', '2024-03-09', '2024-03-15'],
    ['30d', '2024-03-15', '2024-02-15', '2024-03-15'],
    ['90d', '2024-03-15', '2023-12-17', '2024-03-15'],
    ['this-month', '2024-03-15', '2024-03-01', '2024-03-15'],
    ['last-month', '2024-03-15', '2024-02-01', '2024-02-29'],
    ['last-month', '2024-01-01', '2023-12-01', '2023-12-31'],
    ['this-month', '2024-01-01', '2024-01-01', '2024-01-01'],
  ] as const)('%s on %s is %s to %s', (preset, today, from, to) => {
    expect(presetRange(preset, today)).toEqual({ from, to });
  });

  it('recognises a range that is a preset, and no other', () => {
    for (const { id } of DATE_PRESETS) {
      expect(presetOf(presetRange(id, '2024-03-15'), '2024-03-15')).toBe(id);
    }
    expect(presetOf({ from: '2024-03-02', to: '2024-03-15' }, '2024-03-15')).toBeNull();
    expect(presetOf({}, '2024-03-15')).toBeNull();
  });
});
