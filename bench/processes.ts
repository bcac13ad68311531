import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './support';

/**
 * Child processes of the chat benchmarks (the server under test, the echo bot, the fake Bot API),
 * each in its own process so the figures say what each one costs: on Linux their CPU time and
 * memory are read from /proc.
 */
export interface Service {
  name: string;
  pid: number;
  port: number;
  child: ChildProcessWithoutNullStreams;
  /** Output lines seen so far (the first 100 and the last 200), and how many there were. */
  firstLines: string[];
  lines: string[];
  lineCount: number;
  /** SIGTERM, then the exit code (null when killed after a timeout). */
  stop(): Promise<number | null>;
}

/**
 * Starts `node <args>` and resolves once its output names a port (`"port":1234`, printed by the
 * bench's own helpers and by Agora's "listening" log line) and, if given, a `ready` pattern.
 */
export async function startService(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { ready?: RegExp; timeoutMs?: number } = {},
): Promise<Service> {
  const child = spawn(process.execPath, args, { env, cwd: repoRoot() });
  const firstLines: string[] = [];
  const lines: string[] = [];
  let lineCount = 0;
  let partial = '';
  const onData = (chunk: Buffer): void => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    for (const l of parts) {
      lineCount++;
      if (firstLines.length < 100) firstLines.push(l);
      lines.push(l);
      if (lines.length > 200) lines.shift();
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`${name}: not ready after ${opts.timeoutMs ?? 120_000} ms:\n${lines.join('\n')}`)),
      opts.timeoutMs ?? 120_000,
    );
    let found: number | null = null;
    const check = (): void => {
      const all = lines.join('\n');
      found ??= Number(/"port":(\d+)/.exec(all)?.[1] ?? 0) || null;
      if (found && (!opts.ready || opts.ready.test(all))) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(found);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${lines.join('\n')}`));
    });
  });
  return {
    name,
    pid: child.pid ?? 0,
    port,
    child,
    firstLines,
    lines,
    get lineCount() {
      return lineCount;
    },
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

export interface AgoraOptions {
  databaseFile: string;
  apiRoot: string;
  token: string;
  secret: string;
  /** Extra node flags, e.g. `--cpu-prof` (BENCH_CPU_PROF=<dir> turns it on in bench/chat.ts). */
  nodeArgs?: string[];
}

/**
 * The real server, `node bin/agora.js start`, on an embedded SQLite file, Telegram in webhook mode
 * against the fake Bot API. Only the variables a deployment would set: nothing bench-specific is
 * switched on or off inside the server. Log level info: Agora logs nothing per message at info, so
 * the log stays quiet, and the listening line gives the port (PORT=0 picks a free one).
 */
export function startAgora(o: AgoraOptions): Promise<Service> {
  const env: NodeJS.ProcessEnv = {};
  // The machine's environment minus anything that would switch on another channel or an LLM.
  for (const [k, v] of Object.entries(process.env))
    if (!/^(TELEGRAM_|VIBER_|MICROSOFT_|LLM_|DATABASE_URL|PORT|PUBLIC_URL|ADMIN_)/.test(k)) env[k] = v;
  Object.assign(env, {
    PORT: '0',
    DATABASE_URL: `sqlite:${o.databaseFile}`,
    TELEGRAM_BOT_TOKEN: o.token,
    TELEGRAM_WEBHOOK_SECRET: o.secret,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_API_ROOT: o.apiRoot,
    LOG_LEVEL: 'info',
    ADMIN_EMAIL: 'bench@example.org',
    ADMIN_PASSWORD: 'bench-password-long-enough',
  });
  return startService('agora', [...(o.nodeArgs ?? []), join(repoRoot(), 'bin', 'agora.js'), 'start'], env, {
    ready: /telegram webhook set/,
  });
}

/**
 * Whether Agora's NLU model came from its cache or was trained at start (the first start after a
 * change to the training corpus): training takes seconds and leaves the process bigger.
 */
export const nluSource = (agora: Service): string =>
  /"source":"(\w+)"/.exec(agora.firstLines.find((l) => l.includes('NLU ready')) ?? '')?.[1] ?? 'unknown';

/** The bench's own helper scripts, compiled next to this file in dist/bench/. */
export const benchScript = (name: string): string => join(__dirname, `${name}.js`);

export interface Memory {
  rssMB: number;
  /** The highest RSS of the process's life so far (VmHWM). */
  peakMB: number;
  anonMB: number;
  fileMB: number;
}

const kB = (status: string, key: string): number =>
  Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
const mb = (kb: number): number => Math.round((kb / 1024) * 10) / 10;

/** Resident memory of a process, from /proc/<pid>/status (Linux). */
export function memoryOf(pid: number): Memory {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    rssMB: mb(kB(s, 'VmRSS')),
    peakMB: mb(kB(s, 'VmHWM')),
    anonMB: mb(kB(s, 'RssAnon')),
    fileMB: mb(kB(s, 'RssFile')),
  };
}

/** CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat; 0 when unreadable. */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the file, in clock ticks (USER_HZ, 100 on Linux).
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}
