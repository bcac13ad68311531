import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../../app/cli';
import { parsePabulib, tally, tallyOptionsForRule } from '../../../core/tally';
import { bufferIO } from '../../support/cli';
import { PABULIB_DIR } from '../../core/tally/builders';

const dir = mkdtempSync(path.join(tmpdir(), 'agora-io-'));
beforeAll(() => {
  process.env.DATABASE_URL = `sqlite:${path.join(dir, 'io.db')}`;
});
afterAll(() => {
  delete process.env.DATABASE_URL;
  rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const io = bufferIO();
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
}

async function importFile(file: string): Promise<string> {
  const r = await cli('import', file, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.out) as { challengeId: string }).challengeId;
}

const files = readdirSync(PABULIB_DIR).filter((f) => f.endsWith('.pb'));

describe('agora import / export', () => {
  it.each(files)('%s: import, export, re-import give the same election and outcome', async (name) => {
    const original = readFileSync(path.join(PABULIB_DIR, name), 'utf8');
    const id = await importFile(path.join(PABULIB_DIR, name));
    const exported = await cli('export', id, '--format', 'pb');
    expect(exported.code).toBe(0);
    const before = parsePabulib(original);
    const after = parsePabulib(exported.out);
    expect(after).toEqual(before);
    const opts = tallyOptionsForRule(before.meta.rule) ?? { rule: 'greedy' as const };
    expect(tally(after, opts)).toEqual(tally(before, opts));

    const again = path.join(dir, `again-${name}`);
    writeFileSync(again, exported.out);
    const id2 = await importFile(again);
    expect((await cli('export', id2)).out).toBe(exported.out);
  });

  it('exports JSON without personal data and CSV with the results table', async () => {
    const id = await importFile(path.join(PABULIB_DIR, 'Netherlands_Assen_2024.pb'));
    const json = await cli('export', id, '--format', 'json');
    const doc = JSON.parse(json.out);
    expect(doc.challenge.id).toBe(id);
    expect(doc.projects).toHaveLength(14);
    expect(doc.ballots).toHaveLength(84);
    expect(doc.ballots[0]).not.toHaveProperty('citizenId');
    expect(doc.ballots[0]).not.toHaveProperty('receipt');
    expect(doc.results.selected.length).toBeGreaterThan(0);
    const csv = await cli('export', id, '--format', 'csv');
    expect(csv.out.split('\r\n')[0]).toBe('project_id,title,cost,votes,score,selected,rank');
    expect(csv.out.trim().split('\r\n')).toHaveLength(15);
    const out = path.join(dir, 'assen.pb');
    expect((await cli('export', id, '--out', out)).code).toBe(0);
    expect(parsePabulib(readFileSync(out, 'utf8')).projects).toHaveLength(14);
  });

  it('refuses a malformed file with its line number and stores nothing', async () => {
    const bad = path.join(dir, 'bad.pb');
    writeFileSync(
      bad,
      'META\nkey;value\nnum_projects;1\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;100\nVOTES\nvoter_id;vote\nv1;7\n',
    );
    const r = await cli('import', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line \d+/);
    const verify = await cli('audit', 'verify', '--json');
    const entriesBefore = JSON.parse(verify.out).entries;
    await cli('import', bad);
    expect(JSON.parse((await cli('audit', 'verify', '--json')).out).entries).toBe(entriesBefore);
  });

  it('explains bad arguments with exit 2', async () => {
    expect((await cli('import')).code).toBe(2);
    expect((await cli('import', path.join(dir, 'missing.pb'))).err).toMatch(/cannot read/);
    expect((await cli('export')).err).toMatch(/challenge id is required/);
    expect((await cli('export', 'x', '--format', 'xml')).err).toMatch(/unknown format/);
    const none = await cli('export', 'no-such-challenge');
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no challenge/);
  });

  it('audit verify names the import entry when an imported ballot is edited behind the product’s back', async () => {
    const id = await importFile(path.join(PABULIB_DIR, 'Netherlands_Assen_2024.pb'));
    expect((await cli('audit', 'verify')).code).toBe(0);
    const raw = new Database(path.join(dir, 'io.db'));
    const row = raw.prepare('SELECT id, choices FROM ballots WHERE challenge_id = ? LIMIT 1').get(id) as {
      id: string;
      choices: string;
    };
    const choices = JSON.parse(row.choices) as unknown[];
    raw.prepare('UPDATE ballots SET choices = ? WHERE id = ?').run(JSON.stringify(choices.slice(1)), row.id);
    raw.close();
    const r = await cli('audit', 'verify');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`imported ballots of challenge ${id} were changed`));
  });
});
