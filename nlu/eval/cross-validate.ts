/**
 * k-fold cross-validation of the intent classifier on the TRAINING corpus only: a way to see which
 * intents and phrasings the training data covers badly without ever looking at the held-out set
 * (`nlu/data/eval`), which must stay unseen by whoever writes training data.
 *
 *   npm run build && node dist/nlu/eval/cross-validate.js [--folds 5] [--lang el] [--errors 30]
 */
import type { Locale } from '../../core/model/locale';
import { LOCALES } from '../../core/model/locale';
import type { Corpus } from '../corpus/corpus';
import { loadCorpus } from '../corpus/corpus';
import { IntentClassifier } from '../intent/classifier';
import { DEFAULT_SETTINGS, trainLanguageModel } from '../intent/train';

interface Args {
  folds: number;
  langs: Locale[];
  errors: number;
}

function parseArgs(argv: readonly string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const lang = get('lang');
  return {
    folds: Number(get('folds') ?? 5),
    langs: lang ? (lang.split(',') as Locale[]) : [...LOCALES],
    errors: Number(get('errors') ?? 30),
  };
}

function crossValidate(locale: Locale, corpus: Corpus, folds: number, errors: number): void {
  const examples = corpus[locale];
  const perIntent = new Map<string, { ok: number; n: number }>();
  const wrong: string[] = [];
  for (let k = 0; k < folds; k++) {
    const part = { ...corpus, [locale]: examples.filter((_, i) => i % folds !== k) };
    const model = new IntentClassifier(trainLanguageModel(locale, part, { ...DEFAULT_SETTINGS, folds: 0 }));
    examples.forEach((ex, i) => {
      if (i % folds !== k) return;
      const guess = model.best(ex.text.toLowerCase()).intent;
      const s = perIntent.get(ex.intent) ?? { ok: 0, n: 0 };
      s.n++;
      if (guess === ex.intent) s.ok++;
      else wrong.push(`  ${ex.intent} -> ${guess}: ${ex.text}`);
      perIntent.set(ex.intent, s);
    });
  }
  const total = [...perIntent.values()].reduce((a, s) => ({ ok: a.ok + s.ok, n: a.n + s.n }), {
    ok: 0,
    n: 0,
  });
  console.log(
    `\n${locale}: ${((100 * total.ok) / total.n).toFixed(1)}% of ${total.n} (${folds}-fold, training data only)`,
  );
  const rows = [...perIntent.entries()].sort((a, b) => a[1].ok / a[1].n - b[1].ok / b[1].n);
  console.log(rows.map(([i, s]) => `  ${i} ${((100 * s.ok) / s.n).toFixed(0)}% (${s.n})`).join('\n'));
  console.log(`  misclassified (first ${errors} of ${wrong.length}):`);
  console.log(wrong.slice(0, errors).join('\n'));
}

const args = parseArgs(process.argv.slice(2));
const corpus = loadCorpus('train');
for (const l of args.langs) crossValidate(l, corpus, args.folds, args.errors);
