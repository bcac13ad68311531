import type { ChildProcess, SpawnSyncReturns } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const DIST_CLI = join(ROOT, 'dist/app/cli.js');
/**
 * `node bin/agora.js <command>` minus its freshness check: bin/agora.js walks the sources and runs
 * tsc when anything is newer than dist/. The test builds once up front (`buildOnce`) through the very
 * same builder; re-checking on each of the storm's restarts would, on a machine where files are
 * being edited, put a whole tsc run inside the crash window and measure the compiler, not recovery.
 */
const ENTRY = ['-e', 'require(process.argv[1]).main(process.argv.slice(2))', DIST_CLI];

/** Builds dist/ if stale, exactly as `bin/agora.js` would before running a command. */
export function buildOnce(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/agora-build.js')], {
    encoding: 'utf8',
    timeout: 280_000,
  });
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}${r.stdout}`);
}

/** One `agora <args>` CLI run to completion (audit verify, export). */
export function agoraCli(args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...ENTRY, ...args], { env, encoding: 'utf8', timeout: 60_000 });
}

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface AgoraProcess {
  child: ChildProcess;
  url: string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Log lines at warn (40) or above: a storm must not make the server complain. */
  problems: LogLine[];
}

/**
 * `agora start` as its own process, resolved once it logs the port it listens on (PORT=0: every
 * restart gets a new port, which the driver has to follow).
 */
export function startAgora(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<AgoraProcess> {
  const child = spawn(process.execPath, [...ENTRY, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const problems: LogLine[] = [];
  let pending = '';
  let stderr = '';
  return new Promise<AgoraProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`agora start: no port logged within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    // Both pipes are drained for the whole life of the process: a full pipe would block the server.
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
      problems.push({ level: 50, msg: `stderr: ${c.toString()}` });
    });
    child.stdout?.on('data', (c: Buffer) => {
      pending += c.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        let entry: LogLine;
        try {
          entry = JSON.parse(line) as LogLine;
        } catch {
          continue;
        }
        // The first-admin notice is the one expected warning (the test sets no ADMIN_EMAIL).
        if (entry.level >= 40 && !/first admin/i.test(entry.msg)) problems.push(entry);
        if (typeof entry.port === 'number' && /listening/i.test(entry.msg)) {
          clearTimeout(timer);
          resolve({ child, url: `http://127.0.0.1:${entry.port}`, exit, problems });
        }
      }
    });
    void exit.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`agora start exited (${code ?? signal}) before listening\n${stderr}`));
    });
  });
}
