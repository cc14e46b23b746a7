// Names every failed test from vitest's and Playwright's JSON reports, one line each, and every test that passed only
// on its retry (CI retries once), so the last lines of a CI log say what failed or wavered (CI keeps only the log's
// tail). Usage: node scripts/list-failures.mjs <vitest.json> <e2e.json>
import { existsSync, readFileSync } from 'node:fs';

const [vitestReport, e2eReport] = process.argv.slice(2);
const lines = [];
const retried = [];
const firstLine = (message) => String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim()) ?? '';

function read(path) {
  if (!path || !existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    lines.push(`${path}: not readable JSON`);
    return undefined;
  }
}

const vitest = read(vitestReport);
for (const file of vitest?.testResults ?? []) {
  const name = file.name?.replace(`${process.cwd()}/`, '');
  const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
  for (const t of failed) lines.push(`vitest ${name} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
  // A test that passed with failure messages failed its first try.
  for (const t of file.assertionResults ?? []) {
    if (t.status === 'passed' && t.failureMessages?.length) retried.push(`vitest ${name} › ${t.fullName}: ${firstLine(t.failureMessages[0])}`);
  }
  if (failed.length === 0 && file.status === 'failed') lines.push(`vitest ${name}: ${firstLine(file.message)}`);
}
if (vitest && !vitest.success && lines.length === 0) {
  lines.push('vitest: the run failed with no failed test (an error outside the tests; its output is above)');
}

function walk(suite, titles, visit) {
  const path = suite.title ? [...titles, suite.title] : titles;
  for (const spec of suite.specs ?? []) visit(spec, path);
  for (const child of suite.suites ?? []) walk(child, path, visit);
}
const e2e = read(e2eReport);
for (const suite of e2e?.suites ?? []) {
  walk(suite, [], (spec, path) => {
    for (const test of spec.tests ?? []) {
      const title = `e2e ${[...path, spec.title].join(' › ')}`;
      if (test.status === 'unexpected') lines.push(`${title}: ${firstLine(test.results?.at(-1)?.error?.message)}`);
      if (test.status === 'flaky') retried.push(`${title}: ${firstLine(test.results?.[0]?.error?.message)}`);
    }
  });
}
for (const error of e2e?.errors ?? []) lines.push(`e2e: ${firstLine(error.message)}`);

if (retried.length > 0) {
  console.info('Passed on retry (failed first):');
  for (const line of retried) console.info(`  ${line.slice(0, 300)}`);
}
if (lines.length > 0) {
  console.info('Failed tests:');
  for (const line of lines) console.info(`  ${line.slice(0, 300)}`);
}
