import { Readable } from 'node:stream';
import { runConsole } from '../../../bots/console/run-console';
import { renderReplies } from '../../../bots/console/render';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeWithProjects } from '../../support/scenario';
import { engineOn } from '../dialog/support';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

async function script(lines: string[], locale?: string): Promise<string> {
  let out = '';
  await runConsole(
    engineOn(deps),
    {
      input: Readable.from([lines.join('\n') + '\n']),
      output: { write: (t) => (out += t) },
      interactive: false,
    },
    { user: 'script', locale },
  );
  return out;
}

describe('console channel', () => {
  it('numbers buttons across a batch of replies', () => {
    const r = renderReplies([
      { text: 'a', buttons: [[{ label: 'one', payload: 'x' }], [{ label: 'two', payload: 'y' }]] },
      {
        text: 'b',
        buttons: [[{ label: 'three', payload: 'z' }]],
        image: { png: Buffer.alloc(1), alt: 'chart' },
      },
    ]);
    expect(r.text).toBe('a\n  [1] one\n  [2] two\n\nb\n[image: chart]\n  [3] three');
    expect(r.buttons.map((b) => b.payload)).toEqual(['x', 'y', 'z']);
  });

  it('runs a piped script: typing a number presses that button', async () => {
    const out = await script(['hi', '1']);
    expect(out).toMatch(/Agora/);
    expect(out).toMatch(/\[1\] English/);
    expect(out).toMatch(/I'll speak English/);
    expect(out).toMatch(/\[1\] I agree/);
  });

  it('votes end to end from the terminal, in Greek with --lang el', async () => {
    await aChallengeWithProjects(deps, 'voting', [10, 20]);
    const out = await script(['γεια', '2', '1', '/vote', '1', '3'], 'el');
    expect(out).toMatch(/Ελληνικά/);
    expect(out).toMatch(/[2-9A-Z]{10}/); // the receipt code
  });
});
