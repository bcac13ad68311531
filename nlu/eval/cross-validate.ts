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
import type { TrainSettings } from '../intent/train';
import { DEFAULT_SETTINGS, trainLanguageModel } from '../intent/train';

interface Args {
  folds: number;
  langs: Locale[];
  errors: number;
  /** Training settings to try instead of the defaults (model selection on train, never on eval). */
  settings: TrainSettings;
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
    settings: withOverrides(DEFAULT_SETTINGS, get('settings')),
  };
}

/** `--settings '{"features":{"charNgrams":[3,4]}}'`: a JSON object merged one level deep. */
function withOverrides(base: TrainSettings, json: string | undefined): TrainSettings {
  if (!json) return base;
  const o = JSON.parse(json) as Partial<Record<keyof TrainSettings, object | number>>;
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(o))
    merged[k] = typeof v === 'object' ? { ...(base[k as keyof TrainSettings] as object), ...v } : v;
  return merged as unknown as TrainSettings;
}

function crossValidate(locale: Locale, corpus: Corpus, args: Args): number {
  const { folds, errors } = args;
  const examples = corpus[locale];
  const perIntent = new Map<string, { ok: number; n: number }>();
  const wrong: string[] = [];
  for (let k = 0; k < folds; k++) {
    const part = { ...corpus, [locale]: examples.filter((_, i) => i % folds !== k) };
    const model = new IntentClassifier(trainLanguageModel(locale, part, { ...args.settings, folds: 0 }));
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
  if (errors > 0) {
    console.log(`  misclassified (first ${errors} of ${wrong.length}):`);
    console.log(wrong.slice(0, errors).join('\n'));
  }
  return total.ok / total.n;
}

const args = parseArgs(process.argv.slice(2));
const corpus = loadCorpus('train');
const scores = args.langs.map((l) => crossValidate(l, corpus, args));
console.log(`\nmean: ${((100 * scores.reduce((a, b) => a + b, 0)) / scores.length).toFixed(2)}%`);
