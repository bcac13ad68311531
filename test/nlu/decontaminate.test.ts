import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCALES } from '../../core/model/locale';
import { comparable, decontaminate, NearIndex, withinEdits } from '../../nlu/eval/decontaminate';

describe('keeping the corpus splits apart', () => {
  it('compares texts without case, accents or punctuation', () => {
    expect(comparable('  Ψηφίζω,  ΤΏΡΑ! ')).toBe('ψηφιζω τωρα');
    expect(comparable('Děkuji moc!!!')).toBe('dekuji moc');
    expect(comparable(' ✅ ')).toBe('✅');
  });

  it('bounds the edit distance exactly', () => {
    expect(withinEdits('kitten', 'sitting', 3)).toBe(true);
    expect(withinEdits('kitten', 'sitting', 2)).toBe(false);
    expect(withinEdits('', 'abc', 3)).toBe(true);
    expect(withinEdits('abcdef', 'ab', 3)).toBe(false);
  });

  it('finds exact and near copies, and leaves different texts alone', () => {
    const index = new NearIndex(['I want to vote for the park', 'ναι', '✅']);
    expect(index.match('i want to vote for the park!')).toBe('exact');
    expect(index.match('i wanna vote for the park')).toBe('near');
    expect(index.match('Ναί')).toBe('exact');
    expect(index.match('✅')).toBe('exact');
    expect(index.match('❌')).toBeUndefined();
    expect(index.match('show me the results of the vote')).toBeUndefined();
  });

  it('removes from train what is close to dev or eval, and from dev what is close to eval or train', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agora-splits-'));
    const write = (split: string, lines: string[]): void => {
      mkdirSync(join(dir, split), { recursive: true });
      for (const l of LOCALES) writeFileSync(join(dir, split, `${l}.tsv`), lines.join('\n'));
    };
    write('eval', ['vote\tI want to vote now', 'results\twho won?']);
    write('dev', [
      'vote\ti want to vote now!',
      'thanks\tthanks a lot',
      'help\thow does it work',
      'faq\twhat is the budget',
    ]);
    write('train', [
      '# comment kept',
      'results\tWho won',
      'thanks\tthanks a lot',
      'help\thow does this work',
      'greet\thello',
    ]);
    const removals = decontaminate(dir);
    const en = (split: string): string => readFileSync(join(dir, split, 'en.tsv'), 'utf8');
    // dev: the eval copy goes, and so do the lines training already has (they would measure memory).
    expect(en('dev')).toBe('faq\twhat is the budget');
    // train: the eval copy goes; what dev lost to train stays in train.
    expect(en('train')).toBe('# comment kept\nthanks\tthanks a lot\nhelp\thow does this work\ngreet\thello');
    expect(
      removals.find((r) => r.locale === 'en' && r.split === 'dev' && r.against === 'train'),
    ).toMatchObject({
      exact: 1,
      near: 1,
    });
    expect(
      removals.find((r) => r.locale === 'en' && r.split === 'train' && r.against === 'eval'),
    ).toMatchObject({
      exact: 1,
      near: 0,
    });
  });
});
