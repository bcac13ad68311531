import type { Locale } from '../../core/model/locale';
import { LOCALES } from '../../core/model/locale';
import type { Corpus } from '../corpus/corpus';
import type { Intent, NluResult, ParseOptions } from '../types';

/** What evaluate needs: anything that parses like createNlu's result. */
export interface Parser {
  parse(text: string, opts?: ParseOptions): Promise<NluResult>;
}

export interface LanguageScores {
  utterances: number;
  /** Intent accuracy with the citizen's locale known (the chat situation): the headline figure. */
  intentAccuracy: number;
  /** Intent accuracy with no locale given. */
  intentAccuracyNoHint: number;
  /** Language detection from the text alone. */
  languageAccuracy: number;
  /** Language with the locale given (it may still be overruled by clearly other-language text). */
  languageAccuracyWithHint: number;
}

export interface Confusion {
  language: Locale;
  expected: Intent;
  got: Intent;
  count: number;
  examples: string[];
}

export interface EvalReport {
  languages: Record<Locale, LanguageScores>;
  overall: { utterances: number; intentAccuracy: number; languageAccuracy: number };
  /** Wrong intents (with the locale known), most frequent first. */
  confusions: Confusion[];
  /** Which texts' language was detected wrongly (without a hint). */
  languageErrors: { language: Locale; got: Locale; text: string }[];
}

const ratio = (ok: number, n: number): number => (n === 0 ? 0 : Math.round((ok / n) * 10_000) / 10_000);

/**
 * Scores `parser` on a labelled corpus (the dev or held-out eval set; never the training one).
 * `examplesPerConfusion`: how many misread texts to keep per confusion (all of them for dev).
 */
export async function evaluate(
  parser: Parser,
  corpus: Corpus,
  examplesPerConfusion = 3,
): Promise<EvalReport> {
  const languages = {} as Record<Locale, LanguageScores>;
  const confusions = new Map<string, Confusion>();
  const languageErrors: EvalReport['languageErrors'] = [];
  let allOk = 0;
  let allLang = 0;
  let all = 0;
  for (const language of LOCALES) {
    let intentOk = 0;
    let intentOkNoHint = 0;
    let langOk = 0;
    let langOkHint = 0;
    for (const ex of corpus[language]) {
      const hinted = await parser.parse(ex.text, { localeHint: language });
      const bare = await parser.parse(ex.text);
      if (hinted.intent === ex.intent) intentOk++;
      else {
        const key = `${language}\u0000${ex.intent}\u0000${hinted.intent}`;
        const c = confusions.get(key) ?? {
          language,
          expected: ex.intent,
          got: hinted.intent,
          count: 0,
          examples: [],
        };
        c.count++;
        if (c.examples.length < examplesPerConfusion) c.examples.push(ex.text);
        confusions.set(key, c);
      }
      if (bare.intent === ex.intent) intentOkNoHint++;
      if (bare.language === language) langOk++;
      else languageErrors.push({ language, got: bare.language, text: ex.text });
      if (hinted.language === language) langOkHint++;
    }
    const n = corpus[language].length;
    languages[language] = {
      utterances: n,
      intentAccuracy: ratio(intentOk, n),
      intentAccuracyNoHint: ratio(intentOkNoHint, n),
      languageAccuracy: ratio(langOk, n),
      languageAccuracyWithHint: ratio(langOkHint, n),
    };
    allOk += intentOk;
    allLang += langOk;
    all += n;
  }
  return {
    languages,
    overall: { utterances: all, intentAccuracy: ratio(allOk, all), languageAccuracy: ratio(allLang, all) },
    confusions: [...confusions.values()].sort(
      (a, b) => b.count - a.count || a.language.localeCompare(b.language),
    ),
    languageErrors,
  };
}
