import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Imports run downward only: app → components → feature folders → shared ground floor → providers, db, auth
 * → domain, config. A feature never imports another feature: what two features share has moved down a floor.
 */

const root = resolve(__dirname, '../../..');

/** One folder per view: query schema, service, DTO. */
const FEATURES = ['lib/balances', 'lib/transactions', 'lib/payouts', 'lib/flows', 'lib/exports', 'lib/admin'];

/** What features share, named for what it holds, and everything below it. */
const GROUND = [
  'lib/lists',
  'lib/paging',
  'lib/time',
  'lib/list-query',
  'lib/connections',
  'lib/balance-transactions',
  'lib/kept-days',
  'lib/csv',
  'lib/jobs',
  'lib/http',
  'lib/query',
  'lib/ui',
  'lib/providers',
  'lib/db',
  'lib/auth',
  'lib/crypto',
  'lib/redis',
  'lib/domain',
  'lib/format',
  'lib/config',
];

const TOP = ['app', 'components'];

/**
 * Known upward imports, each with the file that makes it; this list may only shrink. The export jobs' stored
 * filters schema is read by the database layer to validate rows.
 */
const KNOWN_UPWARD = new Set(['lib/db/export-jobs.ts -> lib/exports', 'lib/db/exports.ts -> lib/exports', 'lib/admin/provider-specs.ts -> components']);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** The top-level folder (`lib/x`, `components`, `app`) of every module a file imports, types included. */
function importedFolders(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'";]*?from\s+'([^']+)'/gm), ...text.matchAll(/import\(\s*'([^']+)'\s*\)/g)].map(
    (m) => m[1] ?? '',
  );
  return specifiers.flatMap((spec) => {
    if (spec.startsWith('.')) {
      const target = relative(root, resolve(root, file, '..', spec));
      return [folderOf(target)];
    }
    if (!spec.startsWith('@/')) return [];
    return [folderOf(spec.slice(2))];
  });
}

function folderOf(path: string): string {
  const [first = '', second = ''] = path.split('/');
  return first === 'lib' ? `lib/${second.replace(/\.tsx?$/, '')}` : first;
}

function violations(dirs: readonly string[], forbidden: (own: string, target: string) => boolean): string[] {
  return dirs.flatMap((dir) =>
    sourceFiles(dir).flatMap((file) =>
      importedFolders(file)
        .filter((target) => target !== dir && forbidden(dir, target))
        .map((target) => `${file} -> ${target}`)
        .filter((edge) => !KNOWN_UPWARD.has(edge)),
    ),
  );
}

describe('floors', () => {
  it('a feature folder imports no other feature, no component and no page', () => {
    expect(violations(FEATURES, (_own, target) => FEATURES.includes(target) || TOP.includes(target))).toEqual([]);
  });

  it('the ground floor imports no feature, no component and no page', () => {
    expect(violations(GROUND, (_own, target) => FEATURES.includes(target) || TOP.includes(target))).toEqual([]);
  });

  it('payouts, flows, exports and the CSV writer never reach into lib/transactions', () => {
    const edges = violations(['lib/payouts', 'lib/flows', 'lib/exports', 'lib/csv'], (_own, target) => target === 'lib/transactions');
    expect(edges).toEqual([]);
  });

  it('lists every lib folder on a floor, so a new one cannot slip past these checks', () => {
    const folders = readdirSync(join(root, 'lib'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `lib/${entry.name}`);
    const unplaced = folders.filter((folder) => !FEATURES.includes(folder) && !GROUND.includes(folder) && folder !== 'lib/sandbox');
    expect(unplaced).toEqual([]);
  });

  it('reads the imports it checks: a known downward import is seen', () => {
    expect(importedFolders('lib/transactions/service.ts')).toContain('lib/paging');
  });
});
