import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runInNewContext } from 'node:vm';

/** A mark every build of zod carries (its core type's constructor name), minified or not. */
export const ZOD_MARK = '$ZodType';

interface ClientManifest {
  readonly entryJSFiles?: Readonly<Record<string, readonly string[]>>;
}

function* manifests(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* manifests(path);
    else if (name === 'page_client-reference-manifest.js') yield path;
  }
}

/**
 * Each dashboard page's first-load scripts: the chunks of every entry its manifest names (root and dashboard
 * layouts, error boundaries, the page's own client modules), which the browser loads before it hydrates.
 */
export function dashboardFirstLoad(distDir: string): { page: string; chunks: string[] }[] {
  const root = join(distDir, 'server', 'app', '(dashboard)');
  return [...manifests(root)].map((file) => {
    // The manifest is a script that sets globalThis.__RSC_MANIFEST; in a new context, globalThis is `context`.
    const context: { __RSC_MANIFEST?: Readonly<Record<string, ClientManifest>> } = {};
    runInNewContext(readFileSync(file, 'utf8'), context);
    const entries = Object.entries(context.__RSC_MANIFEST ?? {});
    const [page, manifest] = entries[0] ?? ['?', {}];
    return { page, chunks: [...new Set(Object.values(manifest.entryJSFiles ?? {}).flat())] };
  });
}

/** The dashboard pages whose first-load scripts carry zod, with the chunk it is in (paths relative to the build). */
export function zodInFirstLoad(distDir: string): { page: string; chunk: string }[] {
  const found: { page: string; chunk: string }[] = [];
  for (const { page, chunks } of dashboardFirstLoad(distDir)) {
    for (const chunk of chunks) {
      const path = join(distDir, chunk);
      if (existsSync(path) && readFileSync(path, 'latin1').includes(ZOD_MARK)) found.push({ page, chunk: relative(distDir, path) });
    }
  }
  return found.sort((a, b) => a.page.localeCompare(b.page));
}
