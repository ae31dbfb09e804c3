#!/usr/bin/env node
// The portal as the end-to-end tests see it: a fresh production build and a fresh data dir.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const dataDir = process.env.DATA_DIR;
if (dataDir && fs.existsSync(dataDir)) fs.rmSync(dataDir, { recursive: true, force: true });

if (process.env.E2E_SKIP_BUILD !== '1') {
  const build = spawnSync('npx', ['remix', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { stdio: 'inherit', env: process.env });
const stop = (signal) => {
  server.kill(signal);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
