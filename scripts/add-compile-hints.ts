// Part of `npm run build`, right after `next build`: puts V8's compile hint on every browser chunk
// (scripts/lib/compile-hints.ts says why). Idempotent.
import { existsSync } from 'node:fs';
import { addCompileHints, chunksWithoutHint } from './lib/compile-hints';

const distDir = process.env.NEXT_DIST_DIR ?? '.next';
if (!existsSync(`${distDir}/static/chunks`)) {
  console.error(`no build in ${distDir}; run next build first`);
  process.exit(1);
}
const changed = addCompileHints(distDir);
const missing = chunksWithoutHint(distDir);
console.info(`compile hints: added to ${changed} browser chunk(s) of ${distDir}; ${missing.length} without`);
process.exit(missing.length === 0 ? 0 : 1);
