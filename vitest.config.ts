import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      'server-only': fileURLToPath(new URL('./tests/support/server-only.ts', import.meta.url)),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // A guard against a hang, not a speed target (those live in scripts/). Integration walks are paced by the
    // providers' documented limits: the longest takes 13 s on a quiet machine, and a loaded one adds its CPU time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // As Playwright's: one retry on CI for a hiccup of the machine. A test that passes only on its retry is still
    // named at the end of the run (scripts/list-failures.mjs), so a flaky test shows instead of hiding.
    retry: process.env.CI ? 1 : 0,
    pool: 'forks',
  },
});
