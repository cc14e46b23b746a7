import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dashboardFirstLoad, ZOD_MARK, zodInFirstLoad } from '../../../scripts/lib/first-load-zod';

const distDir = process.env.NEXT_DIST_DIR ?? '.next';

/** A build with one dashboard page whose layout loads `layout.js` and whose page loads `page.js`. */
function fakeBuild(chunks: { layout: string; page: string }): string {
  const dir = mkdtempSync(join(tmpdir(), 'first-load-'));
  made.push(dir);
  mkdirSync(join(dir, 'server/app/(dashboard)/transactions'), { recursive: true });
  mkdirSync(join(dir, 'static/chunks'), { recursive: true });
  const manifest = {
    '/(dashboard)/transactions/page': {
      entryJSFiles: {
        '[project]/app/(dashboard)/layout': ['static/chunks/layout.js'],
        '[project]/app/(dashboard)/transactions/page': ['static/chunks/layout.js', 'static/chunks/page.js'],
      },
    },
  };
  writeFileSync(join(dir, 'server/app/(dashboard)/transactions/page_client-reference-manifest.js'), `globalThis.__RSC_MANIFEST = ${JSON.stringify(manifest)};`);
  writeFileSync(join(dir, 'static/chunks/layout.js'), chunks.layout);
  writeFileSync(join(dir, 'static/chunks/page.js'), chunks.page);
  return dir;
}
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("the dashboard pages' first-load scripts", () => {
  it('are read from each page manifest: layouts and the page, each chunk once', () => {
    const dir = fakeBuild({ layout: 'layout()', page: 'page()' });
    expect(dashboardFirstLoad(dir)).toEqual([{ page: '/(dashboard)/transactions/page', chunks: ['static/chunks/layout.js', 'static/chunks/page.js'] }]);
  });

  it('count as carrying zod when one of their chunks does, in the layout or the page', () => {
    expect(zodInFirstLoad(fakeBuild({ layout: 'layout()', page: 'page()' }))).toEqual([]);
    expect(zodInFirstLoad(fakeBuild({ layout: 'layout()', page: `a=$constructor("${ZOD_MARK}",b)` }))).toEqual([
      { page: '/(dashboard)/transactions/page', chunk: 'static/chunks/page.js' },
    ]);
    expect(zodInFirstLoad(fakeBuild({ layout: `"${ZOD_MARK}"`, page: 'page()' }))).toEqual([
      { page: '/(dashboard)/transactions/page', chunk: 'static/chunks/layout.js' },
    ]);
  });

  // After `next build` (npm test also runs scripts/check-first-load.ts right after its build). Zod belongs to
  // the server's strict schemas and to code loaded on use (a response schema, the export dialog), not to a page's start.
  it.skipIf(!existsSync(`${distDir}/server`))('of the production build carry no zod', () => {
    expect(dashboardFirstLoad(distDir).length).toBeGreaterThanOrEqual(5);
    expect(zodInFirstLoad(distDir)).toEqual([]);
  });
});
