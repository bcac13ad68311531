import { allViolations, checkFile, sourceFiles } from './support/layers';

describe('dependency direction (DESIGN.md)', () => {
  it('finds source files to check', () => {
    expect(sourceFiles('core').length).toBeGreaterThan(10);
  });

  it('has no import against the arrows', () => {
    expect(allViolations()).toEqual([]);
  });

  it('flags core importing an adapter, a channel or a package', () => {
    const src = [
      "import { SqliteStore } from '../store/sqlite/sqlite-store';",
      "import express from 'express';",
      "const x = require('../bots/dialog/engine');",
      "import { createHash } from 'node:crypto';",
      "import type { Clock } from './shared/clock';",
    ].join('\n');
    const v = checkFile('core/example.ts', src);
    expect(v.map((x) => x.reason)).toEqual([
      'core/ may not import store/',
      'core/ may import node builtins only',
      'core/ may not import bots/',
    ]);
  });

  it('flags store importing bots and nlu importing admin', () => {
    expect(checkFile('store/sqlite/x.ts', "import '../../bots/telegram/y';")).toHaveLength(1);
    expect(checkFile('nlu/x.ts', "export { a } from '../admin/b';")).toHaveLength(1);
    expect(checkFile('app/x.ts', "import '../store/sqlite/y';")).toHaveLength(0);
  });
});
