import type { IncomingMessage } from '../dialog/types';
import { tokenOf } from './viber-json';
import { decodeActionBody } from './viber-render';

/**
 * One Viber callback, reduced to what Agora acts on
 * (https://developers.viber.com/docs/api/rest-bot-api/#callbacks). `token` is the callback's
 * `message_token`, the de-duplication key (Viber retries callbacks that did not get a 200).
 */
export type ViberCallback =
  | { kind: 'message'; token: string | null; userId: string; msg: IncomingMessage }
  | {
      kind: 'conversation_started';
      token: string | null;
      userId: string;
      /** False for someone who only opened the chat: Viber then allows one welcome, as the HTTP answer. */
      subscribed: boolean;
      localeHint?: string;
    }
  | { kind: 'subscribed' | 'unsubscribed'; token: string | null; userId: string }
  /** `webhook` (the check set_webhook triggers), delivery receipts, and events Agora does not use. */
  | { kind: 'ignored'; event: string; token: string | null; userId?: string; desc?: string };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const nonEmpty = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** The citizen's Viber id: `user.id`, `sender.id` or `user_id` depending on the event. */
function userIdOf(cb: Json): string | undefined {
  const who = isObject(cb.user) ? cb.user : isObject(cb.sender) ? cb.sender : undefined;
  return nonEmpty(who?.id) ?? nonEmpty(cb.user_id);
}

function languageOf(cb: Json): string | undefined {
  const who = isObject(cb.user) ? cb.user : isObject(cb.sender) ? cb.sender : undefined;
  return nonEmpty(who?.language);
}

/**
 * A `message` callback -> the engine's message. Taps on our keyboards come back as text equal to
 * the button's ActionBody (`agora:<payload>`). A shared contact is never counted as the sender's
 * own number: Viber's contact message looks the same whether it came from the share-phone button or
 * from the address book (there is no user id in it to compare, unlike Telegram's), so phone
 * verification cannot be proven on Viber and the engine says so.
 */
function messageOf(userId: string, m: Json, localeHint: string | undefined): IncomingMessage {
  const msg: IncomingMessage = { channel: 'viber', externalId: userId };
  if (localeHint) msg.localeHint = localeHint;
  switch (m.type) {
    case 'text': {
      const text = str(m.text) ?? '';
      const payload = decodeActionBody(text);
      if (payload !== null) msg.payload = payload;
      else msg.text = text;
      break;
    }
    case 'picture': {
      const media = nonEmpty(m.media);
      if (media) msg.photo = media;
      const caption = nonEmpty(m.text);
      if (caption) msg.text = caption;
      break;
    }
    case 'location': {
      const loc = isObject(m.location) ? m.location : {};
      if (typeof loc.lat === 'number' && typeof loc.lon === 'number')
        msg.location = { lat: loc.lat, lng: loc.lon };
      break;
    }
    case 'contact': {
      const phone = isObject(m.contact) ? nonEmpty(m.contact.phone_number) : undefined;
      if (phone) msg.contact = { phone, own: false };
      break;
    }
    case 'url':
      // A link the citizen sent: read it as text (a proposal may well be a link).
      msg.text = str(m.media) ?? '';
      break;
    default:
      // Stickers, files, videos: the engine answers an empty message with its suggestions.
      break;
  }
  if (msg.text === undefined && !msg.payload && !msg.photo && !msg.location && !msg.contact) msg.text = '';
  return msg;
}

/** A parsed callback body -> what to do, or null when it is not a Viber callback at all. */
export function mapCallback(body: unknown): ViberCallback | null {
  if (!isObject(body)) return null;
  const event = nonEmpty(body.event);
  if (!event) return null;
  const token = tokenOf(body.message_token);
  const userId = userIdOf(body);
  switch (event) {
    case 'message': {
      if (!userId || !isObject(body.message)) return null;
      return { kind: 'message', token, userId, msg: messageOf(userId, body.message, languageOf(body)) };
    }
    case 'conversation_started':
      if (!userId) return null;
      return {
        kind: 'conversation_started',
        token,
        userId,
        subscribed: body.subscribed === true,
        localeHint: languageOf(body),
      };
    case 'subscribed':
    case 'unsubscribed':
      if (!userId) return null;
      return { kind: event, token, userId };
    default:
      return { kind: 'ignored', event, token, userId, desc: str(body.desc) };
  }
}
