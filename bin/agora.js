#!/usr/bin/env node
// Entry for `npx agora` and `npm start`: builds the TypeScript once if dist/ is missing or stale, then runs the CLI.
const { existsSync, statSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const root = join(__dirname, '..');
const entry = join(root, 'dist', 'app', 'cli.js');
// tsc --incremental leaves unchanged outputs untouched, so freshness is judged by a stamp written after each build.
const stamp = join(root, 'dist', '.build-stamp');

function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (name.name.endsWith('.ts') || name.name.endsWith('.json'))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (!existsSync(entry) || !existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const dirs = ['core', 'nlu', 'bots', 'admin', 'store', 'app', 'bench']
    .map((d) => join(root, d))
    .filter(existsSync);
  return dirs.some((d) => newestSource(d) > built);
}

if (needsBuild()) {
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  require('node:fs').writeFileSync(stamp, new Date().toISOString());
}
require(entry).main();
