import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '@/lib/db/migrations';

describe('MIGRATIONS', () => {
  it('are numbered 1, 2, 3… in order, without gaps or duplicates', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('hold one SQL statement per entry (PGlite runs one statement per query)', () => {
    for (const migration of MIGRATIONS) {
      expect(migration.statements.length).toBeGreaterThan(0);
      for (const statement of migration.statements) expect(statement).not.toMatch(/;\s*\S/);
    }
  });
});
