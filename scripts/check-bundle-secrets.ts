// After `next build`: fails when the server or browser bundle carries a sandbox credential.
import { existsSync } from 'node:fs';
import { credentialsInBuild } from './lib/bundle-secrets';

const distDir = process.env.NEXT_DIST_DIR ?? '.next';
if (!existsSync(`${distDir}/server`)) {
  console.error(`no build in ${distDir}; run next build first`);
  process.exit(1);
}
const found = credentialsInBuild(distDir);
for (const { file, credential } of found) console.error(`${file} carries the sandbox credential ${credential}`);
console.info(found.length === 0 ? `no sandbox credential in ${distDir}/server or ${distDir}/static` : `${found.length} found`);
process.exit(found.length === 0 ? 0 : 1);
