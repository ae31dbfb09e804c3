#!/usr/bin/env node
/**
 * `npm test`: the whole suite, in order of cost — typecheck, lint, vitest (unit + database tests
 * on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set), then the Playwright journeys
 * with an axe scan of every page. Ends with one "N passed, N failed" line over both runners.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dsp-test-'));
const vitestJson = path.join(tmp, 'vitest.json');
const playwrightJson = path.join(tmp, 'playwright.json');

function step(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${r.status ?? r.signal}).`);
    return false;
  }
  return true;
}

if (!process.env.TEST_DATABASE_URL) {
  console.log('TEST_DATABASE_URL is not set: database tests run on PGlite only (set it to run them on PostgreSQL too).');
}

let ok =
  step('typecheck', 'npx', ['tsc', '--noEmit']) &&
  step('lint', 'npx', ['eslint', '--max-warnings', '0', '.']) &&
  step('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
ok = ok && step('playwright', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson, CI: process.env.CI ?? '' });

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(vitestJson)) {
  const v = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
}
if (fs.existsSync(playwrightJson)) {
  const s = JSON.parse(fs.readFileSync(playwrightJson, 'utf8')).stats;
  passed += s.expected + (s.flaky ?? 0);
  failed += s.unexpected;
  skipped += s.skipped;
}
fs.rmSync(tmp, { recursive: true, force: true });
if (!ok && failed === 0) failed = 1; // a step failed before any test could report (typecheck, lint, build)
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);
