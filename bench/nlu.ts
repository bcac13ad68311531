import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus, projectRoot } from '../nlu/corpus/corpus';
import type { ReferenceTitles } from '../nlu/entities/references';
import { generalFaqEntries, staticFaqSource } from '../nlu/faq/seed';
import { createNlu } from '../nlu/index';
import { loadOrTrainModel } from '../nlu/model/model-cache';

/** Titles like a city's: a few challenges and their projects, not in every language. */
const TITLES: ReferenceTitles[] = [
  { type: 'challenge', id: 'ch_green', titles: { en: 'Greener Prague 7', cs: 'Zelenější Praha 7' } },
  {
    type: 'challenge',
    id: 'ch_culture',
    titles: { en: 'Culture in the neighbourhood', el: 'Πολιτισμός στη γειτονιά' },
  },
  { type: 'challenge', id: 'ch_mobility', titles: { en: 'Safe streets Sofia', bg: 'Безопасни улици София' } },
  ...[
    ['Skate park in Žižkov', 'Skatepark na Žižkově', 'Σκέιτ πάρκο', 'Скейт парк'],
    ['Community garden at the school', 'Komunitní zahrada u školy', 'Κοινοτικός κήπος', 'Общностна градина'],
    ['New benches on Vinohradská', 'Nové lavičky ve Vinohradské', 'Νέα παγκάκια', 'Нови пейки'],
    ['Playground in Pangrati', 'Hřiště v Pangrati', 'Παιδική χαρά στο Παγκράτι', 'Детска площадка'],
    ['Letná park lighting', 'Osvětlení Letenského parku', 'Φωτισμός πάρκου', 'Осветление на парка'],
    ['Drinking fountains', 'Pítka', 'Βρύσες πόσιμου νερού', 'Чешми за пиене'],
    ['Bike lanes on the boulevard', 'Cyklopruhy na bulváru', 'Ποδηλατόδρομος', 'Велоалея по булеварда'],
    ['Outdoor gym', 'Venkovní posilovna', 'Υπαίθριο γυμναστήριο', 'Фитнес на открито'],
    ['Library renovation', 'Rekonstrukce knihovny', 'Ανακαίνιση βιβλιοθήκης', 'Ремонт на библиотеката'],
    [
      'Trees on Main street',
      'Stromy v Hlavní ulici',
      'Δέντρα στην κεντρική οδό',
      'Дървета на главната улица',
    ],
  ].map(([en, cs, el, bg], i) => ({
    type: 'project' as const,
    id: `pr_${i + 1}`,
    titles: { en, cs, el, bg },
  })),
];

const round = (x: number): number => Math.round(x * 10) / 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/**
 * NLU speed: cold start (train from scratch and write the cache), warm start (createNlu from the
 * cache, median of 3) and parse throughput over the held-out eval set with titles and the FAQ
 * on, as the bot runs it (median of 5 passes after a warm-up pass). Writes bench/results/nlu.json.
 */
export async function run(): Promise<{ name: string; figures: Record<string, number | string> }> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'agora-nlu-bench-'));
  try {
    const cold = loadOrTrainModel({ cacheDir, force: true });
    const warm: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      await createNlu({ cacheDir });
      warm.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const nlu = await createNlu({
      cacheDir,
      faq: staticFaqSource(generalFaqEntries()),
      references: { titles: async () => TITLES },
    });
    const corpus = loadCorpus('eval');
    const messages = (['en', 'el', 'bg', 'cs'] as const).flatMap((l) =>
      corpus[l].map((e) => ({ text: e.text, l })),
    );
    for (const m of messages) await nlu.parse(m.text, { localeHint: m.l });
    const rates: number[] = [];
    for (let pass = 0; pass < 5; pass++) {
      const t0 = process.hrtime.bigint();
      for (const m of messages) await nlu.parse(m.text, { localeHint: m.l });
      rates.push(messages.length / (Number(process.hrtime.bigint() - t0) / 1e9));
    }
    const result = {
      name: 'nlu',
      figures: {
        node: process.version,
        utterances: messages.length,
        utterancesPerSecond: Math.round(median(rates)),
        microsecondsPerUtterance: round(1e6 / median(rates)),
        coldStartMs: Math.round(cold.ms),
        warmStartMs: round(median(warm)),
      },
    };
    const out = join(projectRoot(), 'bench', 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'nlu.json'), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void run().then((result) => {
    for (const [k, v] of Object.entries(result.figures)) console.log(`${k.padEnd(26)} ${v}`);
    console.log('\nwrote bench/results/nlu.json');
  });
}
