import { renderActivities } from '../../../bots/webchat/render-activities';
import { toIncomingMessage } from '../../../bots/webchat/map-activity';
import type { Button } from '../../../bots/dialog/types';

const b = (n: number): Button => ({ label: `Option ${n}`, payload: `opt:${n}` });

describe('renderActivities', () => {
  it('renders plain text with postBack suggested actions on the last activity of the turn', () => {
    const out = renderActivities([
      { text: 'Welcome' },
      { text: 'Pick one', buttons: [[b(1), b(2)], [b(3)]] },
    ]);
    expect(out).toEqual([
      { type: 'message', text: 'Welcome', textFormat: 'plain' },
      {
        type: 'message',
        text: 'Pick one',
        textFormat: 'plain',
        suggestedActions: {
          actions: [1, 2, 3].map((n) => ({ type: 'postBack', title: `Option ${n}`, value: `opt:${n}` })),
        },
      },
    ]);
  });

  it('carries buttons of an earlier reply onto the last activity, where Web Chat shows them', () => {
    const out = renderActivities([{ text: 'Pick one', buttons: [[b(1)]] }, { text: 'PS' }]);
    expect(out[0]?.suggestedActions).toBeUndefined();
    expect(out[1]?.suggestedActions?.actions.map((a) => a.value)).toEqual(['opt:1']);
  });

  it('turns more than the threshold of buttons into a hero card, and only when asked', () => {
    const many = [{ text: 'Ballot', buttons: [1, 2, 3, 4, 5, 6, 7].map((n) => [b(n)]) }];
    expect(renderActivities(many)[0]?.suggestedActions?.actions).toHaveLength(7);
    const card = renderActivities(many, { heroCardAbove: 6 })[0];
    expect(card?.suggestedActions).toBeUndefined();
    expect(card?.attachments).toEqual([
      {
        contentType: 'application/vnd.microsoft.card.hero',
        content: {
          buttons: [1, 2, 3, 4, 5, 6, 7].map((n) => ({
            type: 'postBack',
            title: `Option ${n}`,
            value: `opt:${n}`,
          })),
        },
      },
    ]);
    const few = renderActivities([{ text: 'Menu', buttons: [[b(1), b(2)]] }], { heroCardAbove: 6 })[0];
    expect(few?.attachments).toBeUndefined();
    expect(few?.suggestedActions?.actions).toHaveLength(2);
  });

  it('inlines a PNG as a data URL named by its alt text, and drops what the web cannot do', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    const [a] = renderActivities([
      {
        text: 'Results',
        image: { png, alt: 'Bar chart of votes' },
        requestContact: { label: 'Share' },
        edit: true,
      },
    ]);
    expect(a).toEqual({
      type: 'message',
      text: 'Results',
      textFormat: 'plain',
      attachments: [
        {
          contentType: 'image/png',
          contentUrl: 'data:image/png;base64,iVBORw==',
          name: 'Bar chart of votes',
        },
      ],
    });
  });
});

describe('toIncomingMessage', () => {
  it('maps text, postBack payloads in every form, and the locale', () => {
    expect(toIncomingMessage({ type: 'message', text: 'hi', locale: 'el-GR' }, 'dl_1')).toEqual({
      channel: 'webchat',
      externalId: 'dl_1',
      text: 'hi',
      localeHint: 'el-GR',
    });
    const payload = (a: object) => toIncomingMessage({ type: 'message', ...a }, 'dl_1', 'cs-CZ');
    expect(payload({ text: 'vt:p1', channelData: { postBack: true } })).toMatchObject({
      payload: 'vt:p1',
      localeHint: 'cs-CZ',
    });
    expect(payload({ value: 'vt:p1' })).toMatchObject({ payload: 'vt:p1' });
    expect(payload({ value: { payload: 'vt:p1' } })).toMatchObject({ payload: 'vt:p1' });
    // Text that merely looks like a payload stays text (the engine treats it as typed).
    expect(payload({ text: 'vt:p1' })).toMatchObject({ text: 'vt:p1' });
    expect(payload({ text: 'vt:p1' })?.payload).toBeUndefined();
  });

  it('ignores what the engine has no use for', () => {
    expect(toIncomingMessage({ type: 'typing' }, 'dl_1')).toBeNull();
    expect(toIncomingMessage({ type: 'message', text: '   ' }, 'dl_1')).toBeNull();
    expect(toIncomingMessage({ type: 'event', value: 'x' }, 'dl_1')).toBeNull();
  });
});
