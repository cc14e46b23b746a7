import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Every module a file imports (values and types), resolved to a repository path. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1] ?? '');
  return specifiers.flatMap((spec) => {
    const base = spec.startsWith('@/') ? join(root, spec.slice(2)) : spec.startsWith('.') ? resolve(root, dirname(file), spec) : null;
    if (base === null) return [];
    const candidates = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
    const found = candidates.map((c) => relative(root, c)).find((c) => existing.has(c));
    return found ? [found] : [];
  });
}

const SERVER_DIRS = ['lib/providers', 'lib/crypto', 'lib/db'];
const existing = new Set([...SERVER_DIRS, 'lib/domain', 'lib/config'].flatMap(sourceFiles));

describe('server modules', () => {
  it.each(SERVER_DIRS.flatMap(sourceFiles))('%s starts with the server-only guard', (file) => {
    expect(readFileSync(join(root, file), 'utf8').startsWith("import 'server-only';")).toBe(true);
  });

  it('lib/providers has no import cycle (type imports included)', () => {
    const files = sourceFiles('lib/providers');
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
