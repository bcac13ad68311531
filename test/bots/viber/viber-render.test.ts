import type { Button } from '../../../bots/dialog/types';
import type { ViberKeyboard } from '../../../bots/viber/viber-client';
import {
  buttonText,
  decodeActionBody,
  encodeActionBody,
  keyboardFor,
  MAX_BUTTON_TEXT,
  MAX_TEXT,
  renderReplies,
  renderWelcome,
  splitText,
} from '../../../bots/viber/viber-render';

const b = (label: string, payload = 'menu'): Button => ({ label, payload });

/** The keyboard's rows as Viber lays them out: buttons fill 6 columns, then a new row starts. */
function layout(k: ViberKeyboard): string[][] {
  const rows: string[][] = [];
  let used = 6;
  for (const x of k.Buttons) {
    if (used + x.Columns > 6) {
      rows.push([]);
      used = 0;
    }
    rows[rows.length - 1]?.push(x.Text);
    used += x.Columns;
  }
  return rows;
}

describe('splitText', () => {
  it('splits over 7000 characters at line breaks, losing nothing', () => {
    const long = Array.from({ length: 800 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n');
    const parts = splitText(long);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= MAX_TEXT)).toBe(true);
    expect(parts.join('\n')).toBe(long);
    expect(splitText('a'.repeat(15000))).toHaveLength(3);
    expect(splitText('short')).toEqual(['short']);
  });

  it('never cuts an emoji in half', () => {
    const parts = splitText('😀'.repeat(4000));
    expect(parts.join('')).toBe('😀'.repeat(4000));
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MAX_TEXT);
      expect(p).not.toMatch(/[\uD800-\uDBFF]$/);
    }
  });
});

describe('keyboards', () => {
  it('keeps at most 12 rows: the first 11 and the last', () => {
    const rows = Array.from({ length: 20 }, (_, i) => [b(`row ${i}`, `p:${i}`)]);
    const k = keyboardFor(rows);
    expect(k).toBeDefined();
    const shown = layout(k as ViberKeyboard);
    expect(shown).toHaveLength(12);
    expect(shown.slice(0, 11).flat()).toEqual(Array.from({ length: 11 }, (_, i) => `row ${i}`));
    expect(shown[11]).toEqual(['row 19']);
  });

  it('fills each row to 6 columns so rows stay rows, and wraps rows wider than 6 buttons', () => {
    const k = keyboardFor([
      [b('a'), b('b')],
      [b('1'), b('2'), b('3'), b('4')],
      [b('x')],
      Array.from({ length: 8 }, (_, i) => b(`w${i}`)),
    ]) as ViberKeyboard;
    expect(layout(k)).toEqual([
      ['a', 'b'],
      ['1', '2', '3', '4'],
      ['x'],
      ['w0', 'w1', 'w2', 'w3', 'w4', 'w5'],
      ['w6', 'w7'],
    ]);
    expect(k.Buttons.slice(2, 6).map((x) => x.Columns)).toEqual([2, 2, 1, 1]);
    expect(k.Type).toBe('keyboard');
  });

  it('encodes payloads into silent reply buttons and escapes labels', () => {
    const k = keyboardFor([[b('<b>Parks & "trees"</b>', 'vt:p1')]]) as ViberKeyboard;
    expect(k.Buttons[0]).toEqual({
      Columns: 6,
      Rows: 1,
      ActionType: 'reply',
      ActionBody: 'agora:vt:p1',
      Text: '&lt;b&gt;Parks &amp; "trees"&lt;/b&gt;',
      Silent: true,
    });
    expect(decodeActionBody(encodeActionBody('vt:p1'))).toBe('vt:p1');
    expect(decodeActionBody('hello')).toBeNull();
    expect(buttonText('&'.repeat(300)).length).toBeLessThanOrEqual(MAX_BUTTON_TEXT);
    expect(buttonText('&'.repeat(300))).toMatch(/^(&amp;)+$/);
    expect(keyboardFor([])).toBeUndefined();
    expect(keyboardFor([[]])).toBeUndefined();
  });
});

describe('renderReplies', () => {
  it('sends long texts in parts, and keeps the last keyboard on the messages that follow', async () => {
    const ms = await renderReplies([
      { text: 'x'.repeat(9000), buttons: [[b('One')]] },
      { text: 'A tip after the ballot' },
      { text: 'Menu', buttons: [[b('Two')]], edit: true },
    ]);
    expect(ms.map((m) => m.type)).toEqual(['text', 'text', 'text', 'text']);
    expect(ms.map((m) => m.keyboard?.Buttons[0]?.Text)).toEqual(['One', 'One', 'One', 'Two']);
    expect(ms.every((m) => m.text.length <= MAX_TEXT)).toBe(true);
  });

  it('asks for the phone with a share-phone button; keyboards declare API level 3', async () => {
    const [m] = await renderReplies([
      { text: 'Share?', requestContact: { label: 'Share my phone' }, buttons: [[b('Cancel', 'cancel')]] },
    ]);
    expect(m?.min_api_version).toBe(3);
    expect(m?.keyboard?.Buttons.map((x) => [x.ActionType, x.Text])).toEqual([
      ['share-phone', 'Share my phone'],
      ['reply', 'Cancel'],
    ]);
    const [plain] = await renderReplies([{ text: 'Hi' }]);
    expect(plain?.min_api_version).toBeUndefined();
  });

  it('sends a picture from a public URL, or its text alternative', async () => {
    const png = Buffer.from('png');
    const image = { text: 'Parks', image: { png, alt: 'Selected: 3 projects' }, buttons: [[b('Menu')]] };
    const seen: Buffer[] = [];
    const [pic] = await renderReplies([image], {
      mediaUrl: async (p) => {
        seen.push(p);
        return 'https://agora.example/media/abc.png';
      },
    });
    expect(seen).toEqual([png]);
    expect(pic).toMatchObject({
      type: 'picture',
      media: 'https://agora.example/media/abc.png',
      text: 'Parks',
    });
    expect(pic?.keyboard).toBeDefined();
    for (const mediaUrl of [
      undefined,
      async () => null,
      async () => Promise.reject(new Error('disk full')),
    ]) {
      const [alt] = await renderReplies([image], { mediaUrl });
      expect(alt).toMatchObject({ type: 'text', text: 'Parks\n\nSelected: 3 projects' });
    }
  });

  it('folds a welcome into one message with the last keyboard', async () => {
    const w = await renderWelcome([
      { text: 'Hi! I am Agora.' },
      { text: 'Which language?', buttons: [[b('English', 'lang:en'), b('Ελληνικά', 'lang:el')]] },
    ]);
    expect(w).toMatchObject({ type: 'text', text: 'Hi! I am Agora.\n\nWhich language?' });
    expect(w?.keyboard?.Buttons.map((x) => x.ActionBody)).toEqual(['agora:lang:en', 'agora:lang:el']);
    expect(await renderWelcome([])).toBeNull();
  });
});
