import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../../core/model/locale';
import { loadCorpus, projectRoot } from '../corpus/corpus';
import { generalFaqEntries, staticFaqSource } from '../faq/seed';
import { createNlu } from '../index';
import { evaluate } from './evaluate';
import { markdownReport, summaryLines } from './report';

/** The NLU as scored: the bot's parser with the general FAQ and no store. */
export const scoringNlu = (): ReturnType<typeof createNlu> =>
  createNlu({ faq: staticFaqSource(generalFaqEntries()) });

/**
 * `npm run dev:nlu`: scores the NLU on the development set and prints every misread line, which is
 * what the dev set is for (nlu/data/INTENTS.md). Writes nothing: the committed figures are eval's.
 */
export async function runDev(): Promise<void> {
  const dev = loadCorpus('dev');
  if (LOCALES.every((l) => dev[l].length === 0)) {
    console.log('nlu/data/dev is empty: the last one was folded into training; write the next round first.');
    return;
  }
  const nlu = await scoringNlu();
  const report = await evaluate(nlu, dev, Number.POSITIVE_INFINITY);
  for (const line of summaryLines(report).slice(0, LOCALES.length + 2)) console.log(line);
  console.log('misread (expected -> got, with the locale known):');
  for (const c of report.confusions)
    for (const text of c.examples) console.log(`  ${c.language} ${c.expected} -> ${c.got}: ${text}`);
}

/**
 * `npm run eval:nlu`: scores the NLU on the held-out set, prints accuracy per language and the
 * confusion list, writes nlu/eval/REPORT.md and bench/results/nlu-eval.json. Paths are taken from
 * the project root, so it runs the same from dist/ as from the sources.
 */
export async function runEval(): Promise<void> {
  const root = projectRoot();
  const nlu = await scoringNlu();
  const report = await evaluate(nlu, loadCorpus('eval'));
  const train = loadCorpus('train');
  const trainSizes = Object.fromEntries(Object.entries(train).map(([l, examples]) => [l, examples.length]));
  for (const line of summaryLines(report)) console.log(line);
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(
    join(root, 'nlu', 'eval', 'REPORT.md'),
    markdownReport(report, { date, modelKey: nlu.model.key, command: 'npm run eval:nlu', trainSizes }),
  );
  const out = join(root, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'nlu-eval.json'),
    `${JSON.stringify({ date, model: nlu.model.key, ...report }, null, 2)}\n`,
  );
  console.log(
    `\nwrote nlu/eval/REPORT.md and bench/results/nlu-eval.json (model ${nlu.model.source} in ${nlu.model.loadMs} ms)`,
  );
}

if (require.main === module) {
  (process.argv.includes('--dev') ? runDev() : runEval()).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
