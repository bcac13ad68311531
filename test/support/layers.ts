import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

/** DESIGN.md's dependency direction: which top-level folders each folder may import from. */
export const ALLOWED: Record<string, readonly string[]> = {
  core: ['core'],
  nlu: ['nlu', 'core'],
  bots: ['bots', 'core', 'nlu'],
  admin: ['admin', 'core', 'nlu'],
  store: ['store', 'core'],
  app: ['app', 'core', 'nlu', 'bots', 'admin', 'store'],
  bench: ['bench', 'app', 'core', 'nlu', 'bots', 'admin', 'store'],
};

/** core holds the domain: node builtins only, no npm package (no I/O library, no framework). */
export const CORE_PACKAGES: readonly string[] = [];

export interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

const IMPORT_RE =
  /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

export function importsOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(IMPORT_RE)) out.push((m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
  return out;
}

/** Checks one file's imports against the rules; `file` is relative to ROOT. */
export function checkFile(file: string, source: string): Violation[] {
  const layer = file.split(/[\\/]/)[0] as string;
  const allowed = ALLOWED[layer];
  if (!allowed) return [];
  const violations: Violation[] = [];
  for (const spec of importsOf(source)) {
    if (spec.startsWith('.')) {
      const target = relative(ROOT, resolve(ROOT, dirname(file), spec)).split(sep)[0] as string;
      if (!allowed.includes(target))
        violations.push({ file, specifier: spec, reason: `${layer}/ may not import ${target}/` });
    } else if (layer === 'core' && !spec.startsWith('node:') && !CORE_PACKAGES.includes(spec)) {
      violations.push({ file, specifier: spec, reason: 'core/ may import node builtins only' });
    }
  }
  return violations;
}

export function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });
}

export const allViolations = (): Violation[] =>
  Object.keys(ALLOWED).flatMap((layer) =>
    sourceFiles(layer).flatMap((f) => checkFile(f, readFileSync(join(ROOT, f), 'utf8'))),
  );
