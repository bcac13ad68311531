import { mapCallback } from '../../../bots/viber/viber-callback';
import { parseViberJson } from '../../../bots/viber/viber-json';
import { verifyViberSignature, viberSignature } from '../../../bots/viber/viber-signature';

const message = (m: Record<string, unknown>) => ({
  event: 'message',
  message_token: '1',
  sender: { id: 'abc==', language: 'el-GR' },
  message: m,
});

describe('mapCallback', () => {
  it('maps text, taps, pictures, locations, contacts, links and stickers', () => {
    expect(mapCallback(message({ type: 'text', text: 'hello' }))).toEqual({
      kind: 'message',
      token: '1',
      userId: 'abc==',
      msg: { channel: 'viber', externalId: 'abc==', localeHint: 'el-GR', text: 'hello' },
    });
    expect(mapCallback(message({ type: 'text', text: 'agora:vt:p1' }))).toMatchObject({
      msg: { channel: 'viber', externalId: 'abc==', localeHint: 'el-GR', payload: 'vt:p1' },
    });
    expect(mapCallback(message({ type: 'text', text: 'agora:vt:p1' }))).not.toHaveProperty('msg.text');
    expect(
      mapCallback(message({ type: 'picture', media: 'https://dl-media.viber.com/x.jpg', text: 'a bench' })),
    ).toMatchObject({ msg: { photo: 'https://dl-media.viber.com/x.jpg', text: 'a bench' } });
    expect(mapCallback(message({ type: 'location', location: { lat: 42.69, lon: 23.32 } }))).toMatchObject({
      msg: { location: { lat: 42.69, lng: 23.32 } },
    });
    expect(
      mapCallback(message({ type: 'contact', contact: { name: 'M', phone_number: '+359888000000' } })),
    ).toMatchObject({ msg: { contact: { phone: '+359888000000', own: false } } });
    expect(mapCallback(message({ type: 'url', media: 'https://example.org/idea' }))).toMatchObject({
      msg: { text: 'https://example.org/idea' },
    });
    expect(mapCallback(message({ type: 'sticker', sticker_id: 46105 }))).toMatchObject({ msg: { text: '' } });
  });

  it('maps subscription events and ignores the rest', () => {
    expect(mapCallback({ event: 'unsubscribed', user_id: 'u', message_token: 5 })).toEqual({
      kind: 'unsubscribed',
      token: '5',
      userId: 'u',
    });
    expect(mapCallback({ event: 'subscribed', user: { id: 'u' }, message_token: '6' })).toMatchObject({
      kind: 'subscribed',
      userId: 'u',
    });
    expect(mapCallback({ event: 'seen', user_id: 'u', message_token: 7 })).toMatchObject({ kind: 'ignored' });
    expect(mapCallback({ event: 'conversation_started', user: { id: 'u', language: 'bg' } })).toEqual({
      kind: 'conversation_started',
      token: null,
      userId: 'u',
      subscribed: false,
      localeHint: 'bg',
    });
  });

  it('returns null for what is not a Viber callback', () => {
    for (const v of [
      null,
      1,
      'x',
      [],
      {},
      { event: '' },
      { event: 'message' },
      { event: 'message', sender: {} },
    ])
      expect(mapCallback(v)).toBeNull();
  });
});

describe('parseViberJson', () => {
  it('keeps every digit of 64-bit message tokens, and leaves strings alone', () => {
    const raw =
      '{"event":"message","message_token":4912661846655238145,"message":{"type":"text","text":"say \\"message_token\\":1"}}';
    const v = parseViberJson(raw) as { message_token: string; message: { text: string } };
    expect(v.message_token).toBe('4912661846655238145');
    expect(v.message.text).toBe('say "message_token":1');
    expect(parseViberJson('{ "message_token" : 12 , "a":1}')).toEqual({ message_token: '12', a: 1 });
  });
});

describe('viber signature', () => {
  it('is the hex HMAC-SHA256 of the body keyed with the token, checked in constant time', () => {
    const body = Buffer.from('{"event":"webhook"}');
    const sig = viberSignature(body, 'tok');
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyViberSignature(body, sig, 'tok')).toBe(true);
    expect(verifyViberSignature(body, sig.toUpperCase(), 'tok')).toBe(true);
    expect(verifyViberSignature(body, sig, 'other')).toBe(false);
    expect(verifyViberSignature(body, undefined, 'tok')).toBe(false);
    expect(verifyViberSignature(body, '', 'tok')).toBe(false);
    expect(verifyViberSignature(body, sig.slice(0, 62), 'tok')).toBe(false);
    expect(verifyViberSignature(body, `${sig}ab`, 'tok')).toBe(false);
    expect(verifyViberSignature(body, 'z'.repeat(64), 'tok')).toBe(false);
  });
});
