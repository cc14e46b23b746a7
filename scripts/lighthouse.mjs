// npm run lighthouse: Lighthouse 12 (mobile preset) against a production build of Fundsight on the sandbox,
// signed in through a session cookie; prints performance, accessibility, LCP, TBT, CLS and script per page.
//   node scripts/lighthouse.mjs [--build] [--runs 3] [--out dir] [/path ...]
// --out keeps each run's full report as JSON (page-run.json) for a closer look at LCP, tasks and requests.
// Needs `npm run build` first (or --build). Ports: LH_APP_PORT (3570), LH_SANDBOX_PORT (3571), LH_CHROME_PORT (3572).
import * as chromeLauncher from 'chrome-launcher';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { build, launch } from './launch.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const runs = Number(option('--runs', '1'));
const outDir = option('--out', null);
const paths = args.filter((a, i) => a.startsWith('/') && args[i - 1] !== '--runs' && args[i - 1] !== '--out');
const PAGES = paths.length > 0 ? paths : ['/', '/transactions', '/payouts', '/flows', '/exports'];
const appPort = Number(process.env.LH_APP_PORT ?? 3570);
const sandboxPort = Number(process.env.LH_SANDBOX_PORT ?? 3571);
const chromePort = Number(process.env.LH_CHROME_PORT ?? 3572);
const EMAIL = process.env.LH_EMAIL ?? 'admin@acme.test';

/** Signs in as next-auth's credentials form does, and returns the session cookie. */
async function sessionCookie(appUrl) {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const response = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar },
    body: new URLSearchParams({ csrfToken, email: EMAIL, password: 'fundsight-demo', json: 'true' }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`sign-in as ${EMAIL} failed (${response.status})`);
  return session.split(';')[0];
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function figures(lhr) {
  const audit = (id) => lhr.audits[id];
  const fcp = audit('first-contentful-paint').numericValue;
  const observedFcp = audit('metrics').details?.items?.[0]?.observedFirstContentfulPaint ?? fcp;
  const requests = audit('network-requests').details?.items ?? [];
  const scripts = requests.filter((r) => r.resourceType === 'Script');
  const kib = (items) => items.reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024;
  return {
    performance: Math.round(lhr.categories.performance.score * 100),
    accessibility: Math.round(lhr.categories.accessibility.score * 100),
    lcpMs: audit('largest-contentful-paint').numericValue,
    tbtMs: audit('total-blocking-time').numericValue,
    cls: audit('cumulative-layout-shift').numericValue,
    scriptKiB: kib(scripts),
    // Network times are as observed, FCP as simulated: scripts that finished within the simulated FCP.
    scriptBeforeFcpKiB: kib(scripts.filter((r) => r.networkEndTime <= fcp)),
    // The first-paint bundle: scripts the page asked for before its first paint (observed), so not the
    // chunks code imports later (charts); stable from run to run, where the column above is not.
    scriptAskedBeforePaintKiB: kib(scripts.filter((r) => r.rendererStartTime <= observedFcp)),
    observedFcpMs: observedFcp,
    // Lighthouse's own measure of the machine's speed at the run (higher is faster): runs on a slow moment
    // score worse for the same page, so compare pages measured side by side.
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? 0,
    errors: (lhr.audits['errors-in-console']?.details?.items ?? []).map((i) => i.description).slice(0, 3),
  };
}

if (flag('--build')) await build();
const { stop, appUrl } = await launch({ appPort, sandboxPort, dataDir: 'memory://', extraEnv: { FUNDSIGHT_LOG: 'silent' } });
let chrome;
try {
  const cookie = await sessionCookie(appUrl);
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    port: chromePort,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const rows = [];
  for (const path of PAGES) {
    const results = [];
    for (let run = 0; run < runs; run++) {
      const { lhr } = await lighthouse(`${appUrl}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
        // Not in those categories, so asked for by name: without it the console-errors column would always say none.
        onlyAudits: ['errors-in-console'],
        extraHeaders: { Cookie: cookie },
      });
      if (new URL(lhr.finalDisplayedUrl).pathname.startsWith('/sign-in')) throw new Error(`${path}: not signed in`);
      if (outDir) {
        mkdirSync(outDir, { recursive: true });
        writeFileSync(join(outDir, `${path === '/' ? 'overview' : path.slice(1).replace(/\W+/g, '_')}-${run + 1}.json`), JSON.stringify(lhr));
      }
      results.push(figures(lhr));
    }
    const pick = (key) => median(results.map((r) => r[key]));
    rows.push({
      page: path,
      performance: pick('performance'),
      accessibility: pick('accessibility'),
      'LCP s': (pick('lcpMs') / 1000).toFixed(2),
      'TBT ms': Math.round(pick('tbtMs')),
      CLS: pick('cls').toFixed(3),
      'script KiB': Math.round(pick('scriptKiB')),
      'script before FCP KiB': Math.round(pick('scriptBeforeFcpKiB')),
      'script asked before paint KiB': Math.round(pick('scriptAskedBeforePaintKiB')),
      // Each run's. A first paint at 1.2 s or later is Chromium drawing no frame for a second while the page is
      // ready and the main thread idle (traced here); Lighthouse counts it into LCP. The Next.js Learn dashboard
      // shows the same on this machine, so it is not this page's.
      'observed FCP ms (each run)': results.map((r) => Math.round(r.observedFcpMs)).join(' '),
      'TBT ms (each run)': results.map((r) => Math.round(r.tbtMs)).join(' '),
      'benchmark index': Math.round(pick('benchmarkIndex')),
      'console errors': results.at(-1).errors.join(' | ') || 'none',
    });
  }
  console.info(`Lighthouse 12, mobile preset (simulated throttling), ${runs} run(s) per page, median; signed in as ${EMAIL}`);
  const keys = Object.keys(rows[0] ?? {});
  const widths = keys.map((key) => Math.max(key.length, ...rows.map((row) => String(row[key]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  console.info([line(keys), ...rows.map((row) => line(keys.map((key) => row[key])))].join('\n'));
} finally {
  await chrome?.kill();
  stop();
}
