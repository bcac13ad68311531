import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { autocannonRun } from './load';
import type { Memory, Service } from './processes';
import { benchScript, memoryOf, nluSource, startAgora, startService } from './processes';
import { seedTown } from './seed-town';
import { machine, writeResult } from './support';
import { UpdateMix } from './telegram-mix';

/**
 * The server's resident memory with 100,000 citizens in the embedded store: at start, during and
 * after 20,000 updates from as many different citizens (four rounds), again after a full garbage
 * collection, and the peak of its life (VmHWM, start-up included). A server started on the demo
 * alone gives the baseline: what 100,000 citizens add.
 */
export const MEMORY = {
  citizens: 100_000,
  chatBase: 500_000_000,
  /** Shares of citizens who voted, support a proposal, follow the voting challenge. */
  ballotShare: 0.3,
  supportShare: 0.2,
  followShare: 0.25,
  /**
   * Rounds of updates, each from citizens not seen before: RSS after each round shows whether
   * memory levels off (a cache or V8's heap sizing) or keeps growing with traffic (a leak).
   */
  rounds: 4,
  updatesPerRound: 5_000,
  connections: 16,
  /** Let start-up allocations and the first timers settle before reading "at start". */
  settleMs: 2_000,
  sampleEveryMs: 50,
} as const;

const TOKEN = '123456:BENCH';
const SECRET = 'bench-secret';

/** The database's size on disk (main file, WAL and shared memory), in MB. */
function databaseMB(dir: string): number {
  const bytes = readdirSync(dir)
    .filter((f) => f.startsWith('agora.db'))
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}

/** RSS as `GET /metrics` reports it (what an operator's Prometheus sees), in MB. */
async function metricsRssMB(agora: Service): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${agora.port}/metrics`)).text();
  const bytes = Number(/^process_resident_memory_bytes (\d+)/m.exec(text)?.[1] ?? NaN);
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The server's V8 heap in use (MB) before and after a full garbage collection, asked through the
 * inspector it was started with (`--inspect=127.0.0.1:0`, loopback only, attached only for these
 * calls). RSS alone cannot tell garbage V8 has not collected yet from memory really held: after
 * the collection, RSS and the heap are what the traffic left behind.
 */
async function heapAroundFullGc(agora: Service): Promise<{ beforeMB: number; afterMB: number }> {
  const url = /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(agora.firstLines.join('\n'))?.[0];
  if (!url) throw new Error('the server printed no inspector URL');
  const ws = new WebSocket(url);
  const pending = new Map<number, (result: unknown) => void>();
  ws.on('message', (data: Buffer) => {
    const m = JSON.parse(data.toString()) as { id?: number; result?: unknown };
    if (m.id !== undefined) pending.get(m.id)?.(m.result);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let id = 0;
  const call = (method: string): Promise<unknown> =>
    new Promise((resolve) => {
      pending.set(++id, resolve);
      ws.send(JSON.stringify({ id, method }));
    });
  const used = async (): Promise<number> =>
    Math.round((((await call('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 2 ** 20) * 10) / 10;
  try {
    const beforeMB = await used();
    await call('HeapProfiler.collectGarbage');
    return { beforeMB, afterMB: await used() };
  } finally {
    ws.close();
  }
}

/**
 * Starts the server on `dir/agora.db`, waits, reads its memory; the caller stops it. A start that
 * had to train the NLU model (the first after a change to the training corpus) is bigger and not
 * what a server normally starts at: it is noted, and the server started again from the cache.
 */
async function started(
  dir: string,
  apiRoot: string,
  nodeArgs: string[] = [],
): Promise<{ agora: Service; atStart: Memory; trainedNluAtStartMB: number | null }> {
  let trainedNluAtStartMB: number | null = null;
  for (;;) {
    const agora = await startAgora({
      databaseFile: join(dir, 'agora.db'),
      apiRoot,
      token: TOKEN,
      secret: SECRET,
      nodeArgs,
    });
    await pause(MEMORY.settleMs);
    const atStart = memoryOf(agora.pid);
    if (nluSource(agora) !== 'trained' || trainedNluAtStartMB !== null)
      return { agora, atStart, trainedNluAtStartMB };
    trainedNluAtStartMB = atStart.rssMB;
    await agora.stop();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const root = mkdtempSync(join(tmpdir(), 'agora-memory-'));
  const services: Service[] = [];
  try {
    const fake = await startService('fake-bot-api', [benchScript('fake-bot-api')], process.env);
    services.push(fake);
    const apiRoot = `http://127.0.0.1:${fake.port}`;

    // Baseline: the same server on the demo municipality only.
    const demoDir = join(root, 'demo');
    await seedTown(join(demoDir, 'agora.db'), { citizens: 0, chatBase: MEMORY.chatBase, newUserEvery: 20 });
    // Both servers get the same flag: a loopback inspector port, used once at the end.
    const flags = ['--inspect=127.0.0.1:0'];
    const base = await started(demoDir, apiRoot, flags);
    services.push(base.agora);
    await base.agora.stop();

    const dir = join(root, 'town');
    const town = await seedTown(join(dir, 'agora.db'), {
      citizens: MEMORY.citizens,
      chatBase: MEMORY.chatBase,
      newUserEvery: 20,
      ballotShare: MEMORY.ballotShare,
      supportShare: MEMORY.supportShare,
      followShare: MEMORY.followShare,
    });
    const dbBefore = databaseMB(dir);
    const { agora, atStart, trainedNluAtStartMB } = await started(dir, apiRoot, flags);
    services.push(agora);

    // Citizens in a scattered order (7919 is prime to 100,000: each citizen once), so the updates
    // touch pages all over the store rather than a warm corner of it.
    const mix = new UpdateMix({ ...town.plan, order: (i) => (i * 7919 + 13) % MEMORY.citizens });
    let duringMaxMB = atStart.rssMB;
    const sampler = setInterval(() => {
      duringMaxMB = Math.max(duringMaxMB, memoryOf(agora.pid).rssMB);
    }, MEMORY.sampleEveryMs);
    const rounds: {
      updates: number;
      updatesPerSec: number;
      non2xx: number;
      rssMB: number;
    }[] = [];
    for (let r = 0; r < MEMORY.rounds; r++) {
      const load = await autocannonRun({ port: agora.port, path: '/telegram/webhook', secret: SECRET }, mix, {
        connections: MEMORY.connections,
        amount: MEMORY.updatesPerRound,
      });
      // The replies of the last updates are still on their way: let them finish first.
      await pause(1_000);
      rounds.push({
        updates: load.responses,
        updatesPerSec: load.updatesPerSec,
        non2xx: load.non2xx,
        rssMB: memoryOf(agora.pid).rssMB,
      });
    }
    await pause(MEMORY.settleMs);
    clearInterval(sampler);
    const after = memoryOf(agora.pid);
    const heap = await heapAroundFullGc(agora);
    await pause(500);
    const afterGc = memoryOf(agora.pid);
    const sent = mix.phase();
    const stats = (await (await fetch(`http://127.0.0.1:${fake.port}/stats`)).json()) as {
      calls: Record<string, number>;
      chats: number;
    };
    const metricsMB = await metricsRssMB(agora);
    await agora.stop();

    return {
      date: new Date().toISOString(),
      machine: machine(),
      note: 'MB = 2^20 bytes, from /proc/<pid>/status of the server process (VmRSS, VmHWM, RssAnon, RssFile).',
      seed: {
        ...town.counts,
        ms: town.seedMs,
        how: 'demo municipality through the use cases, then the citizens in one transaction through the store ports',
        databaseMB: dbBefore,
      },
      traffic: {
        updates: sent.updates,
        distinctChats: sent.chats.size,
        firstContacts: sent.newUsers,
        non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
        rounds,
        messagesSent: (stats.calls.sendMessage ?? 0) + (stats.calls.editMessageText ?? 0),
        chatsAnswered: stats.chats,
      },
      rssMB: {
        demoOnlyAtStart: base.atStart.rssMB,
        atStart: atStart.rssMB,
        nluModel: nluSource(agora),
        atStartWhenTheNluWasTrained: trainedNluAtStartMB ?? base.trainedNluAtStartMB,
        duringTrafficMax: duringMaxMB,
        afterTraffic: after.rssMB,
        afterTrafficAndFullGc: afterGc.rssMB,
        peak: after.peakMB,
        afterFullGcFromMetrics: metricsMB,
      },
      heapMB: {
        beforeFullGc: heap.beforeMB,
        afterFullGc: heap.afterMB,
        why: 'V8 collects its old generation only now and then: between collections RSS includes garbage',
      },
      detail: { demoOnlyAtStart: base.atStart, atStart, afterTraffic: after, afterTrafficAndFullGc: afterGc },
      databaseMBAfter: databaseMB(dir),
    };
  } finally {
    for (const s of services.reverse()) await s.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void run().then((result) => {
    console.log(JSON.stringify(result, null, 2));
    console.log(`\nwrote ${writeResult('memory', result)}`);
  });
}
