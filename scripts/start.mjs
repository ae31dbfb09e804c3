#!/usr/bin/env node
// `npm start`: build the portal if needed, then serve it with the embedded database, the BankID
// simulator and the demo samverkan. A fresh clone needs nothing else.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const buildFile = path.join(root, 'build', 'index.js');
const stale = !fs.existsSync(buildFile) || fs.statSync(buildFile).mtimeMs < Math.max(newestMtime(path.join(root, 'app')), fs.statSync(path.join(root, 'remix.config.js')).mtimeMs);
if (stale || process.env.FORCE_BUILD === '1') {
  const r = spawnSync('npx', ['remix', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' };
const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
