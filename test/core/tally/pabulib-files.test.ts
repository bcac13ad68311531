import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { tallyOptionsForRule } from '../../../core/tally/meta-rule';
import { parsePabulib } from '../../../core/tally/pabulib-parse';
import { writePabulib } from '../../../core/tally/pabulib-write';
import { buildProfile } from '../../../core/tally/profile';
import type { TallyOptions } from '../../../core/tally/tally';
import { tally } from '../../../core/tally/tally';
import { PABULIB_DIR } from './builders';

const files = readdirSync(PABULIB_DIR)
  .filter((f) => f.endsWith('.pb'))
  .sort();
const read = (f: string): string => readFileSync(path.join(PABULIB_DIR, f), 'utf8');
const selectedColumn = (text: string): string[] =>
  parsePabulib(text)
    .projects.filter((p) => p.fields.selected === '1')
    .map((p) => p.id)
    .sort();

/** Each file's own rule as we tally it; the city's `selected` column must come out. */
const EXPECTED: Record<string, TallyOptions> = {
  'Netherlands_Assen_2024.pb': { rule: 'equal-shares', completion: 'add1' },
  'Poland_Swiecie_2023.pb': { rule: 'equal-shares', completion: 'add1' },
  'Poland_Czestochowa_2024_Tysiaclecie.pb': { rule: 'greedy' },
  'Poland_Krakow_2020_Debniki.pb': { rule: 'greedy' },
  'Poland_Wroclaw_2018_Rejon_nr_1_250.pb': { rule: 'greedy-no-skip' },
};

describe('the shared Pabulib files', () => {
  it('are all there (the path from this test resolves)', () => {
    expect(files).toHaveLength(7);
  });

  describe.each(files)('%s', (file) => {
    const text = read(file);
    const e = parsePabulib(text);

    it('parses with the counts META announces', () => {
      expect(e.projects).toHaveLength(Number(e.meta.num_projects));
      expect(e.votes).toHaveLength(Number(e.meta.num_votes));
    });

    it('counts votes (and scores) as the PROJECTS columns say', () => {
      const p = buildProfile(e);
      for (const [i, project] of e.projects.entries()) {
        if (project.fields.votes !== undefined) expect(p.votes[i]).toBe(Number(project.fields.votes));
        // Ordinal scores are k, k-1, ..., 1 for a ranking of k (Kraków's score column), points otherwise.
        if (project.fields.score !== undefined) expect(p.support[i]).toBe(Number(project.fields.score));
      }
    });

    it('writes back byte for byte and re-parses to the same election', () => {
      const written = writePabulib(e);
      expect(written).toBe(text);
      expect(parsePabulib(written)).toEqual(e);
    });

    it('gives the same outcome after write and re-parse', () => {
      const opts = tallyOptionsForRule(e.meta.rule) ?? { rule: 'greedy' };
      expect(tally(parsePabulib(writePabulib(e)), opts)).toEqual(tally(e, opts));
    });
  });

  describe.each(Object.entries(EXPECTED))('%s tallied with its own rule', (file, opts) => {
    const text = read(file);
    const e = parsePabulib(text);

    it('is the rule its META names', () => {
      expect(tallyOptionsForRule(e.meta.rule)).toEqual(
        opts.rule === 'equal-shares' ? opts : { rule: opts.rule },
      );
    });

    it("matches the city's selected column", () => {
      const r = tally(e, opts);
      expect([...r.selected].sort()).toEqual(selectedColumn(text));
      expect(r.totalCost).toBeLessThanOrEqual(r.budget);
    });
  });

  it('Wrocław: plain greedy gives the same three projects as greedy-no-skip (all cost the same)', () => {
    const e = parsePabulib(read('Poland_Wroclaw_2018_Rejon_nr_1_250.pb'));
    expect(tally(e, { rule: 'greedy' }).selected).toEqual(['616', '206', '175']);
    expect(tally(e, { rule: 'greedy-no-skip' }).selected).toEqual(['616', '206', '175']);
  });

  it('Assen: MES with add1 selects in this order (projects 2 and 11 tie exactly; "11" < "2")', () => {
    const e = parsePabulib(read('Netherlands_Assen_2024.pb'));
    expect(tally(e, { rule: 'equal-shares', completion: 'add1' }).selected).toEqual([
      '3',
      '9',
      '11',
      '2',
      '13',
      '14',
      '5',
      '6',
      '12',
    ]);
  });

  it('Częstochowa and Kraków: greedy is not the same as skipping nothing (the skip matters there)', () => {
    for (const f of ['Poland_Czestochowa_2024_Tysiaclecie.pb', 'Poland_Krakow_2020_Debniki.pb']) {
      const e = parsePabulib(read(f));
      const noSkip = tally(e, { rule: 'greedy-no-skip' }).selected.sort();
      expect(noSkip).not.toEqual(selectedColumn(read(f)));
    }
  });

  it('Świecie and Assen: plain MES (no completion) underspends and misses the city outcome', () => {
    for (const f of ['Poland_Swiecie_2023.pb', 'Netherlands_Assen_2024.pb']) {
      const e = parsePabulib(read(f));
      expect(tally(e, { rule: 'equal-shares', completion: 'none' }).selected.sort()).not.toEqual(
        selectedColumn(read(f)),
      );
    }
  });
});
