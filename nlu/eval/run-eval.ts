import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, projectRoot } from '../corpus/corpus';
import { generalFaqEntries, staticFaqSource } from '../faq/seed';
import { createNlu } from '../index';
import { evaluate } from './evaluate';
import { markdownReport, summaryLines } from './report';

/**
 * `npm run eval:nlu`: scores the NLU on the held-out set, prints accuracy per language and the
 * confusion list, writes nlu/eval/REPORT.md and bench/results/nlu-eval.json. Paths are taken from
 * the project root, so it runs the same from dist/ as from the sources.
 */
export async function runEval(): Promise<void> {
  const root = projectRoot();
  const nlu = await createNlu({ faq: staticFaqSource(generalFaqEntries()) });
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
  runEval().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
