// After `next build`: fails when a dashboard page loads zod before it hydrates (issue #14: the browser reads
// URLs with the zod-free lib/list-query/fields; zod is for the server's strict schemas and code loaded on use).
import { existsSync } from 'node:fs';
import { zodInFirstLoad } from './lib/first-load-zod';

const distDir = process.env.NEXT_DIST_DIR ?? '.next';
if (!existsSync(`${distDir}/server`)) {
  console.error(`no build in ${distDir}; run next build first`);
  process.exit(1);
}
const found = zodInFirstLoad(distDir);
for (const { page, chunk } of found) console.error(`${page} loads zod before it hydrates, in ${chunk}`);
console.info(found.length === 0 ? `no dashboard page of ${distDir} loads zod before it hydrates` : `${found.length} found`);
process.exit(found.length === 0 ? 0 : 1);
