import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '@/lib/db/migrations';

describe('MIGRATIONS', () => {
  // Versions are reserved per change (5: settings, 6: export jobs), so a branch may hold a gap until both land.
  it('start at 1 and are numbered in increasing order, without duplicates', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    versions.slice(1).forEach((version, i) => expect(version).toBeGreaterThan(versions[i] ?? Infinity));
  });

  it('hold one SQL statement per entry (PGlite runs one statement per query)', () => {
    for (const migration of MIGRATIONS) {
      expect(migration.statements.length).toBeGreaterThan(0);
      for (const statement of migration.statements) expect(statement).not.toMatch(/;\s*\S/);
    }
  });
});
