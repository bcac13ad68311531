import { LOCALES } from '../../core/model/locale';
import { loadCorpus } from '../../nlu/corpus/corpus';
import type { EvalReport } from '../../nlu/eval/evaluate';
import { NearIndex } from '../../nlu/eval/decontaminate';
import { evaluate } from '../../nlu/eval/evaluate';
import { markdownReport, summaryLines } from '../../nlu/eval/report';
import { scoringNlu } from '../../nlu/eval/run-eval';

// Issue 4's targets on the held-out set (nlu/data/eval, never trained on).
const TARGET = { intent: 0.95, language: 0.98 };
// What the model reaches today (nlu/eval/REPORT.md), a little below so the test guards against
// regressions without failing on noise. Raise them when the model improves.
const FLOOR = { intent: 0.93, languageNoHint: 0.94 };

const held = loadCorpus('eval');
let report: EvalReport;
beforeAll(async () => {
  report = await evaluate(await scoringNlu(), held);
}, 60_000);

describe('held-out evaluation', () => {
  const train = loadCorpus('train');

  it('covers every intent in every language with at least 15 utterances', () => {
    for (const l of LOCALES) {
      const counts = new Map<string, number>();
      for (const e of held[l]) counts.set(e.intent, (counts.get(e.intent) ?? 0) + 1);
      expect(counts.size).toBe(21);
      for (const n of counts.values()) expect(n).toBeGreaterThanOrEqual(15);
    }
  });

  // "Written differently from the training data": not the same text once case, accents and
  // punctuation are folded, and not within 0.8 normalised edit similarity (npm run nlu:decontaminate).
  it.each(LOCALES)('%s: shares no utterance, nor a near copy of one, with the training corpus', (l) => {
    const index = new NearIndex(train[l].map((e) => e.text));
    expect(held[l].filter((e) => index.match(e.text) !== undefined)).toEqual([]);
  });

  it.each(LOCALES)("%s: language right at least 98% of the time with the citizen's locale known", (l) => {
    expect(report.languages[l].languageAccuracyWithHint).toBeGreaterThanOrEqual(TARGET.language);
  });

  it.each(LOCALES)('%s: stays above the measured floors (intent, language from text alone)', (l) => {
    expect(report.languages[l].intentAccuracy).toBeGreaterThanOrEqual(FLOOR.intent);
    expect(report.languages[l].languageAccuracy).toBeGreaterThanOrEqual(FLOOR.languageNoHint);
  });

  it('reaches 95% intent accuracy over the four languages', () => {
    expect(report.overall.intentAccuracy).toBeGreaterThanOrEqual(TARGET.intent);
  });

  // Greek is 94.8% (REPORT.md): `failing` keeps the per-language target visible and turns red the
  // day it is met.
  it.failing('reaches 95% intent accuracy in every language', () => {
    for (const l of LOCALES) expect(report.languages[l].intentAccuracy).toBeGreaterThanOrEqual(TARGET.intent);
  });

  it('renders the report', () => {
    expect(summaryLines(report)[0]).toMatch(/language/);
    expect(
      markdownReport(report, { date: '2026-03-02', modelKey: 'abc', command: 'npm run eval:nlu' }),
    ).toMatch(/^# NLU evaluation/);
  });
});
