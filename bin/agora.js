#!/usr/bin/env node
// Entry for `npx agora` and `npm start`: builds the TypeScript if dist/ is missing or stale, then runs the CLI.
const { join } = require('node:path');
require('./agora-build').ensureBuilt();
require(join(__dirname, '..', 'dist', 'app', 'cli.js')).main();
