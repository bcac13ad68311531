#!/usr/bin/env node
// Builds dist/ when a source is newer than the last build (shared by bin/agora.js, bench and eval scripts).
const { existsSync, statSync, readdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const root = join(__dirname, '..');
// tsc --incremental leaves unchanged outputs untouched, so freshness is judged by a stamp written after each build.
const stamp = join(root, 'dist', '.build-stamp');
const SOURCES = ['core', 'nlu', 'bots', 'admin', 'store', 'app', 'bench'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json|tsv)$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.map((d) => join(root, d))
    .filter(existsSync)
    .some((d) => newestSource(d) > built);
}

function ensureBuilt(force = false) {
  if (!force && !needsBuild()) return;
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  writeFileSync(stamp, new Date().toISOString());
}

module.exports = { ensureBuilt };
if (require.main === module) ensureBuilt(process.argv.includes('--force'));
