import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addCompileHints, chunksWithoutHint, COMPILE_HINT, withCompileHint } from '../../../scripts/lib/compile-hints';
import { dashboardFirstLoad } from '../../../scripts/lib/first-load-zod';

const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A build folder holding the given files under static/chunks. */
function fakeBuild(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'compile-hints-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'static/chunks', name, '..'), { recursive: true });
    writeFileSync(join(dir, 'static/chunks', name), text);
  }
  return dir;
}
const read = (dir: string, name: string) => readFileSync(join(dir, 'static/chunks', name), 'utf8');

describe("V8's compile hint on the browser chunks", () => {
  it('is the first line of a hinted chunk, and a hinted chunk is left as it is', () => {
    expect(withCompileHint('(globalThis.TURBOPACK||=[]).push([])')).toBe('//# allFunctionsCalledOnLoad\n(globalThis.TURBOPACK||=[]).push([])');
    expect(withCompileHint(withCompileHint('a()'))).toBe(`${COMPILE_HINT}a()`);
  });

  it('goes on every .js chunk of a build, in sub-folders too, and on nothing else', () => {
    const dir = fakeBuild({ 'a.js': 'a()', 'app/b.js': 'b()', 'c.css': 'body{}', 'a.js.map': '{}' });
    expect(chunksWithoutHint(dir)).toEqual(['static/chunks/a.js', 'static/chunks/app/b.js']);
    // Named relative to the build however its folder is written (NEXT_DIST_DIR=./out/ included).
    expect(chunksWithoutHint(`${dir}/`)).toEqual(['static/chunks/a.js', 'static/chunks/app/b.js']);
    expect(addCompileHints(dir)).toBe(2);
    expect(read(dir, 'a.js')).toBe(`${COMPILE_HINT}a()`);
    expect(read(dir, 'app/b.js')).toBe(`${COMPILE_HINT}b()`);
    expect(read(dir, 'c.css')).toBe('body{}');
    expect(read(dir, 'a.js.map')).toBe('{}');
    expect(chunksWithoutHint(dir)).toEqual([]);
    // A second run (a rebuild that kept the files) changes nothing.
    expect(addCompileHints(dir)).toBe(0);
    expect(read(dir, 'a.js')).toBe(`${COMPILE_HINT}a()`);
  });

  it("moves a chunk's source map one generated line down, so it still points at the right code", () => {
    const dir = fakeBuild({
      'a.js': 'a()\n//# sourceMappingURL=a-map.js.map',
      'a-map.js.map': JSON.stringify({ version: 3, sources: ['a.ts'], mappings: 'AAAA' }),
      'b.js': 'b()\n//# sourceMappingURL=b.js.map',
      'b.js.map': JSON.stringify({ version: 3, sections: [{ offset: { line: 0, column: 0 }, map: { mappings: 'AAAA' } }] }),
      'c.js': 'c()\n//# sourceMappingURL=data:application/json;base64,e30=',
    });
    addCompileHints(dir);
    expect(JSON.parse(read(dir, 'a-map.js.map')).mappings).toBe(';AAAA');
    expect(JSON.parse(read(dir, 'b.js.map')).sections[0].offset).toEqual({ line: 1, column: 0 });
    expect(read(dir, 'c.js')).toBe(`${COMPILE_HINT}c()\n//# sourceMappingURL=data:application/json;base64,e30=`);
  });

  // After `npm run build` (whose last step puts the hints on and fails when a chunk lacks one).
  it.skipIf(!existsSync(`${distDir}/server`))('is on every first-load chunk of every dashboard page of the production build', () => {
    const pages = dashboardFirstLoad(distDir);
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const unhinted = pages.flatMap(({ page, chunks }) =>
      chunks.filter((chunk) => !readFileSync(join(distDir, chunk), 'utf8').startsWith(COMPILE_HINT)).map((chunk) => `${page}: ${chunk}`),
    );
    expect(unhinted).toEqual([]);
  });
});
