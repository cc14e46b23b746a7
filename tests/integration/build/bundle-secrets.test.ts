import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { credentialsInBuild, sandboxCredentials } from '../../../scripts/lib/bundle-secrets';

const distDir = process.env.NEXT_DIST_DIR ?? '.next';

describe('the production build', () => {
  it('knows every sandbox credential it looks for', () => {
    expect(sandboxCredentials().length).toBeGreaterThanOrEqual(10);
  });

  // After `next build` (npm test also runs scripts/check-bundle-secrets.ts right after its build).
  it.skipIf(!existsSync(`${distDir}/server`))('carries no sandbox credential in its server or browser bundles', () => {
    expect(credentialsInBuild(distDir)).toEqual([]);
  });
});
