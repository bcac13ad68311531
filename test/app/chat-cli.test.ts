import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const BIN = join(ROOT, 'bin/agora.js');

/** `printf 'hi\n1\n' | npx agora chat`: the documented way to try the bot without any account. */
describe('agora chat (piped, end to end)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agora-chat-'));
  const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'chat.db')}` };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the welcome and, after "1", the next step', () => {
    const r = spawnSync(process.execPath, [BIN, 'chat'], {
      env,
      input: 'hi\n1\n',
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/I'm Agora/);
    expect(r.stdout).toMatch(/\[1\] English/);
    expect(r.stdout).toMatch(/I'll speak English/);
    expect(r.stdout).toMatch(/\[1\] I agree/);
  }, 120_000);

  it('starts in Greek with --lang el and refuses an unknown language', () => {
    const el = spawnSync(process.execPath, [BIN, 'chat', '--lang', 'el', '--user', 'el1'], {
      env,
      input: 'γεια\n',
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(el.stdout).toMatch(/Ποια γλώσσα/);
    const bad = spawnSync(process.execPath, [BIN, 'chat', '--lang', 'xx'], {
      env,
      input: '',
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--lang must be/);
  }, 120_000);
});
