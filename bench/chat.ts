import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadFigures, Target } from './load';
import { autocannonRun, paced } from './load';
import type { Service } from './processes';
import { benchScript, cpuMsOf, memoryOf, nluSource, startAgora, startService } from './processes';
import { seedTown } from './seed-town';
import { machine, writeResult } from './support';
import type { MixPlan, Sent } from './telegram-mix';
import { replyMarkers, UpdateMix } from './telegram-mix';

/**
 * Chat throughput: Telegram updates posted to `POST /telegram/webhook` of the real server (its own
 * process, embedded SQLite store), a fake Bot API (another process) answering its replies, the
 * load generated here; then the same updates to a bare telegraf echo bot on the same fake, the
 * framework's own ceiling. Targets (issue 10): at least half the echo bot's throughput, and a p99
 * under 50 ms at 200 updates/s.
 */
export const CHAT = {
  /** Known citizens: enough that no chat comes near the flood guard's 40 updates per minute. */
  citizens: 10_000,
  chatBase: 500_000_000,
  /** One update in 20 is a first contact (`/start` from a new chat). */
  newUserEvery: 20,
  /** Updates sent before measuring: JIT, SQLite page cache, the NLU's title index. */
  warmup: 600,
  /** Telegram's default max_connections for a webhook. */
  connections: 40,
  seconds: Number(process.env.BENCH_CHAT_SECONDS ?? 10),
  rate: 200,
  /**
   * autocannon's own rate limiter (`overallRate`), for comparison only: each connection sends its
   * quota for the second as fast as it can when the second starts, then waits, so the server sees
   * a burst every second rather than a rate; the target is judged on the paced run.
   */
  autocannonRateConnections: 10,
  targetRatio: 0.5,
  targetP99Ms: 50,
} as const;

const TOKEN = '123456:BENCH';
const SECRET = 'bench-secret';
const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

interface FakeStats {
  calls: Record<string, number>;
  chats: number;
  marked: Record<string, number>;
  unreadable: number;
}

const fakeUrl = (fake: Service, path: string): string => `http://127.0.0.1:${fake.port}${path}`;

async function fakeStats(fake: Service): Promise<FakeStats> {
  return (await (await fetch(fakeUrl(fake, '/stats'))).json()) as FakeStats;
}

const totalCalls = (s: FakeStats): number => Object.values(s.calls).reduce((a, b) => a + b, 0);

/**
 * Waits until the fake has received nothing new for 500 ms: a load run ends with updates still in
 * the server, whose replies belong to that run.
 */
async function settle(fake: Service): Promise<FakeStats> {
  let last = await fakeStats(fake);
  let quietSince = performance.now();
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await fakeStats(fake);
    if (totalCalls(now) !== totalCalls(last)) {
      last = now;
      quietSince = performance.now();
    } else if (performance.now() - quietSince >= 500) break;
  }
  return last;
}

/**
 * What the fake Bot API received for what was sent: every chat got an answer, every button press
 * had its callback query answered. Without this, a server answering 200 and replying nothing
 * would look fast.
 */
function verify(sent: Sent, got: FakeStats, non2xx: number) {
  const messages =
    (got.calls.sendMessage ?? 0) + (got.calls.editMessageText ?? 0) + (got.calls.sendPhoto ?? 0);
  const callbackAnswers = got.calls.answerCallbackQuery ?? 0;
  return {
    updatesSent: sent.updates,
    buttonPresses: sent.presses,
    firstContacts: sent.newUsers,
    messagesSent: messages,
    messagesPerUpdate: round(messages / Math.max(1, sent.updates), 2),
    callbackAnswers,
    floodGuardRefusals: got.marked.floodGuard ?? 0,
    chatsSent: sent.chats.size,
    chatsAnswered: got.chats,
    calls: got.calls,
    marked: got.marked,
    everyUpdateAnswered: non2xx === 0 && got.chats >= sent.chats.size && callbackAnswers >= sent.presses,
  };
}

/** One measured run: fresh counters, the load, the replies settled and checked, CPU per process. */
async function phase<F extends LoadFigures>(
  sut: Service,
  fake: Service,
  mix: UpdateMix,
  load: () => Promise<F>,
): Promise<
  F & {
    check: ReturnType<typeof verify>;
    cpuMsPerUpdate: { server: number; fakeBotApi: number; loadGenerator: number };
  }
> {
  await settle(fake);
  await fetch(fakeUrl(fake, '/stats/reset'), { method: 'POST' });
  mix.phase();
  const cpu0 = { sut: cpuMsOf(sut.pid), fake: cpuMsOf(fake.pid), bench: process.cpuUsage() };
  const figures = await load();
  const got = await settle(fake);
  const sent = mix.phase();
  const bench = process.cpuUsage(cpu0.bench);
  const per = (ms: number): number => round(ms / Math.max(1, sent.updates), 3);
  return {
    ...figures,
    check: verify(sent, got, figures.non2xx),
    cpuMsPerUpdate: {
      server: per(cpuMsOf(sut.pid) - cpu0.sut),
      fakeBotApi: per(cpuMsOf(fake.pid) - cpu0.fake),
      loadGenerator: per((bench.user + bench.system) / 1000),
    },
  };
}

/** The three measurements of one system under test, after a warm-up. */
async function measure(sut: Service, fake: Service, plan: MixPlan) {
  const target: Target = { port: sut.port, path: '/telegram/webhook', secret: SECRET };
  const mix = new UpdateMix(plan);
  const warm = await phase(sut, fake, mix, () =>
    autocannonRun(target, mix, { connections: 8, amount: CHAT.warmup }),
  );
  const max = await phase(sut, fake, mix, () =>
    autocannonRun(target, mix, { connections: CHAT.connections, seconds: CHAT.seconds }),
  );
  const at200 = await phase(sut, fake, mix, () =>
    paced(target, mix, { rate: CHAT.rate, seconds: CHAT.seconds }),
  );
  const autocannonAt200 = await phase(sut, fake, mix, () =>
    autocannonRun(target, mix, {
      connections: CHAT.autocannonRateConnections,
      seconds: CHAT.seconds,
      overallRate: CHAT.rate,
    }),
  );
  return {
    warmup: { updates: warm.check.updatesSent, everyUpdateAnswered: warm.check.everyUpdateAnswered },
    max: { connections: CHAT.connections, ...max },
    at200: { arrivals: 'poisson, open loop', ...at200, p99UnderTarget: at200.p99 < CHAT.targetP99Ms },
    autocannonAt200: {
      connections: CHAT.autocannonRateConnections,
      arrivals:
        'autocannon overallRate: each connection sends its share of the second back to back when the second starts, so these are bursts of 200',
      ...autocannonAt200,
    },
    memoryAfter: memoryOf(sut.pid),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'agora-chat-'));
  const services: Service[] = [];
  const profDir = process.env.BENCH_CPU_PROF;
  try {
    const fake = await startService('fake-bot-api', [benchScript('fake-bot-api')], {
      ...process.env,
      FAKE_MARKERS: JSON.stringify(replyMarkers()),
    });
    services.push(fake);
    const apiRoot = `http://127.0.0.1:${fake.port}`;
    const town = await seedTown(join(dir, 'agora.db'), {
      citizens: CHAT.citizens,
      chatBase: CHAT.chatBase,
      newUserEvery: CHAT.newUserEvery,
    });

    const agora = await startAgora({
      databaseFile: join(dir, 'agora.db'),
      apiRoot,
      token: TOKEN,
      secret: SECRET,
      nodeArgs: profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [],
    });
    services.push(agora);
    const linesAtReady = agora.lineCount;
    const agoraFigures = await measure(agora, fake, town.plan);
    // What the server logged while under load (start-up lines excluded): warnings would mean
    // replies not delivered or turns that failed.
    const logLines = agora.lineCount - linesAtReady;
    const problems = (logLines > 0 ? agora.lines.slice(-Math.min(agora.lines.length, logLines)) : [])
      .filter((l) => /"level":(40|50|60)/.test(l))
      .slice(-5);
    const agoraExit = await agora.stop();

    const echo = await startService('echo-bot', [benchScript('echo-bot')], {
      ...process.env,
      ECHO_TOKEN: TOKEN,
      ECHO_API_ROOT: apiRoot,
      ECHO_SECRET: SECRET,
    });
    services.push(echo);
    const echoFigures = await measure(echo, fake, town.plan);
    await echo.stop();

    const ratio = round(agoraFigures.max.updatesPerSec / echoFigures.max.updatesPerSec, 3);
    return {
      date: new Date().toISOString(),
      machine: machine(),
      note:
        'Server, fake Bot API and load generator share the machine: with 2 cores they compete for CPU, ' +
        'so cpuMsPerUpdate (per process) is the steadier figure to compare across runs.',
      setup: {
        store: 'sqlite (embedded), file in the OS temp dir',
        citizens: CHAT.citizens,
        seedMs: town.seedMs,
        seeded: town.counts,
        mix: 'per known citizen, a 14-step cycle: /start, challenges, challenge, projects, project, free text (vote question), vote, clear, add, add, submit, free text (projects), follow, free text (thanks); free text in en/el/bg/cs by citizen; 1 update in 20 is /start from a new chat',
        connections: CHAT.connections,
        seconds: CHAT.seconds,
        warmupUpdates: CHAT.warmup,
      },
      agora: {
        ...agoraFigures,
        // `trained`: this start trained the NLU model (the corpus changed since the last start).
        nluModel: nluSource(agora),
        logLinesUnderLoad: logLines,
        warnOrErrorLogLines: problems,
        exitCode: agoraExit,
      },
      echo: echoFigures,
      ratio,
      targets: {
        throughputHalfOfEcho: { target: CHAT.targetRatio, value: ratio, met: ratio >= CHAT.targetRatio },
        p99At200: {
          targetMs: CHAT.targetP99Ms,
          valueMs: agoraFigures.at200.p99,
          met: agoraFigures.at200.p99 < CHAT.targetP99Ms && agoraFigures.at200.check.everyUpdateAnswered,
        },
      },
    };
  } finally {
    for (const s of services.reverse()) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void run().then((result) => {
    console.log(JSON.stringify(result, null, 2));
    console.log(`\nwrote ${writeResult('chat', result)}`);
  });
}
