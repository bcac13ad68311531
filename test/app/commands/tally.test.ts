import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tallyCommand } from '../../../app/commands/tally';
import { bufferIO } from '../../support/cli';
import { PABULIB_DIR, VALID, pb } from '../../core/tally/builders';

const file = (name: string): string => path.join(PABULIB_DIR, name);
const dir = mkdtempSync(path.join(tmpdir(), 'agora-tally-'));
const temp = (name: string, text: string | Buffer): string => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('agora tally', () => {
  it('--json prints one JSON line with the selection in order', async () => {
    const io = bufferIO();
    const code = await tallyCommand(
      [file('Poland_Swiecie_2023.pb'), '--rule', 'equal-shares', '--completion', 'add1', '--json'],
      io,
    );
    expect(code).toBe(0);
    expect(io.err).toBe('');
    expect(io.out.endsWith('\n')).toBe(true);
    expect(io.out.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(io.out);
    expect(Object.keys(out)).toEqual(['rule', 'completion', 'budget', 'selected', 'totalCost']);
    expect(out).toMatchObject({
      rule: 'equal-shares',
      completion: 'add1',
      budget: 1070000,
      totalCost: 1040337,
    });
    expect(out.selected.slice(0, 4)).toEqual(['c12', 'c10', 'c20', 'c21']);
  });

  it('reports completion "none" for greedy', async () => {
    const io = bufferIO();
    expect(await tallyCommand([file('Poland_Krakow_2020_Debniki.pb'), '--rule=greedy', '--json'], io)).toBe(
      0,
    );
    expect(JSON.parse(io.out)).toMatchObject({
      rule: 'greedy',
      completion: 'none',
      selected: ['31', '3', '30', '50', '11', '28', '8', '16'],
    });
  });

  it('uses the file rule when --rule is left out', async () => {
    const io = bufferIO();
    expect(await tallyCommand([file('Poland_Wroclaw_2018_Rejon_nr_1_250.pb'), '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ rule: 'greedy-no-skip', selected: ['616', '206', '175'] });
  });

  it('prints a table with id, name, cost and votes, and the total', async () => {
    const io = bufferIO();
    expect(await tallyCommand([file('Netherlands_Assen_2024.pb'), '--rule', 'greedy'], io)).toBe(0);
    const lines = io.out.split('\n');
    expect(lines.find((l) => l.startsWith('id'))).toMatch(/^id\s+name\s+cost\s+votes$/);
    expect(lines.find((l) => l.startsWith('3 '))).toMatch(/^3\s+PopUp Podium\s+7,200\s+43$/);
    expect(io.out).toMatch(/7 projects selected, total cost 99,200 of budget 100,000 EUR/);
  });

  const failures: [string, string[], RegExp][] = [
    ['no file', ['--json'], /missing the \.pb file/],
    ['an unknown rule', [file('Netherlands_Assen_2024.pb'), '--rule', 'borda'], /--rule must be one of/],
    [
      'an unknown completion',
      [file('Netherlands_Assen_2024.pb'), '--rule', 'equal-shares', '--completion', 'add2'],
      /--completion must be/,
    ],
    [
      'a completion with greedy',
      [file('Netherlands_Assen_2024.pb'), '--rule', 'greedy', '--completion', 'add1'],
      /equal-shares only/,
    ],
    ['an unknown option', [file('Netherlands_Assen_2024.pb'), '--fast'], /unknown option --fast/],
    ['a missing file', [path.join(dir, 'nope.pb')], /cannot read .*nope\.pb: no such file/],
    ['a directory', [dir], /it is a directory/],
    [
      'a file rule we do not compute and no --rule',
      [file('Worldwide_Mechanical_Turk_Utilities_8.pb')],
      /"unknown" is not one Agora computes/,
    ],
  ];
  it.each(failures)('exits 2 on %s', async (_name, args, message) => {
    const io = bufferIO();
    expect(await tallyCommand(args, io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toMatch(message);
    expect(io.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('names the file and line of a malformed election', async () => {
    const bad = temp('bad.pb', pb(...VALID.slice(0, 14), 'a;1,7', 'b;3'));
    const io = bufferIO();
    expect(await tallyCommand([bad, '--rule', 'greedy'], io)).toBe(2);
    expect(io.err).toBe(`agora tally: ${bad}:15: vote of voter a names unknown project "7"\n`);
  });

  it('refuses a file that is not UTF-8', async () => {
    const latin1 = temp('latin1.pb', Buffer.from(pb(...VALID).replace('Test', 'Łódź'), 'latin1'));
    const io = bufferIO();
    expect(await tallyCommand([latin1, '--rule', 'greedy'], io)).toBe(2);
    expect(io.err).toMatch(/not valid UTF-8/);
  });
});
