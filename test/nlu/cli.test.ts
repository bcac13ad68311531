import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nluCommand, utterances } from '../../app/commands/nlu';
import { bufferIO } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'agora-nlu-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const temp = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('agora nlu', () => {
  it('--json prints one JSON line with the contract keys first', async () => {
    const io = bufferIO();
    expect(await nluCommand(['I want to vote tomorrow', '--json', '--no-store'], io)).toBe(0);
    expect(io.err).toBe('');
    const lines = io.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0] as string);
    expect(Object.keys(out).slice(0, 4)).toEqual(['language', 'intent', 'confidence', 'entities']);
    expect(out).toMatchObject({
      language: 'en',
      intent: 'vote',
      entities: [{ type: 'date', text: 'tomorrow' }],
    });
  });

  it('prints a readable line without --json, and takes the locale from --lang', async () => {
    const io = bufferIO();
    expect(await nluCommand(['ok', '--lang', 'cs', '--no-store'], io)).toBe(0);
    expect(io.out).toMatch(/^cs {2}affirm {2}\d\.\d\d {2}\(classifier\)/);
  });

  it('shows the FAQ answer for a question', async () => {
    const io = bufferIO();
    expect(await nluCommand(['kdo může hlasovat?', '--no-store'], io)).toBe(0);
    expect(io.out).toMatch(/FAQ \(0\.\d+\): Kdo může hlasovat\?/);
  });

  it('--batch prints one JSON object per utterance, in order', async () => {
    const file = temp(
      'batch.tsv',
      'intent\ttext\ngreet\thello there\n\nvote\tθέλω να ψηφίσω\nthanks\tблагодаря\nfaq\tkdo může hlasovat?\n',
    );
    const io = bufferIO();
    expect(await nluCommand(['--batch', file, '--no-store'], io)).toBe(0);
    const out = io.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => [o.language, o.intent])).toEqual([
      ['en', 'greet'],
      ['el', 'vote'],
      ['bg', 'thanks'],
      ['cs', 'faq'],
    ]);
  });

  it('reads the last TAB column, skips blank lines and a header', () => {
    expect(utterances('\uFEFFid\tintent\ttext\n1\tgreet\thi\n\n2\tvote\tvote now\r\nplain line\n')).toEqual([
      'hi',
      'vote now',
      'plain line',
    ]);
    expect(utterances('greet\thi\n')).toEqual(['hi']);
  });

  it('uses titles and the FAQ from the store', async () => {
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `sqlite:${join(dir, 'agora.db')}`;
    try {
      const io = bufferIO();
      expect(await nluCommand(['who can vote?', '--json'], io)).toBe(0);
      expect(JSON.parse(io.out)).toMatchObject({ intent: 'faq', faq: { id: 'faq_who-can-vote_en' } });
    } finally {
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
  });

  it.each([
    [[], /missing the text/],
    [['--lang', 'de', 'hallo'], /--lang must be one of/],
    [['--batch'], /--batch needs a file/],
    [['hi', '--batch', 'x.tsv'], /either a text or --batch/],
    [['--frobnicate', 'hi'], /unknown option --frobnicate/],
  ])('rejects bad arguments %j with exit code 2', async (argv, message) => {
    const io = bufferIO();
    expect(await nluCommand(argv as string[], io)).toBe(2);
    expect(io.err).toMatch(message);
    expect(io.err).toMatch(/Usage: agora nlu/);
  });

  it('reports an unreadable batch file', async () => {
    const io = bufferIO();
    expect(await nluCommand(['--batch', join(dir, 'missing.tsv'), '--no-store'], io)).toBe(2);
    expect(io.err).toMatch(/cannot read .*missing\.tsv: ENOENT/);
  });
});
