import type { Update } from 'telegraf/types';
import type { IncomingMessage } from '../dialog/types';

/** What the engine needs to know about one Telegram update, or null for what Agora ignores. */
export interface MappedUpdate {
  msg: IncomingMessage;
  /** The callback query to answer (stops the button's spinner), if a button was pressed. */
  callbackQueryId?: string;
  /** The message that carried the pressed button: redrawn in place when a reply says `edit`. */
  messageId?: number;
}

/**
 * Telegram update -> IncomingMessage. Private chats only: in a group, a ballot would be public.
 * Contacts count as the sender's own only when Telegram says so (`contact.user_id === from.id`).
 */
export function mapUpdate(update: Update): MappedUpdate | null {
  if ('callback_query' in update) {
    const q = update.callback_query;
    const chat = q.message?.chat;
    if (!chat || chat.type !== 'private' || !('data' in q)) return null;
    return {
      msg: {
        channel: 'telegram',
        externalId: String(chat.id),
        payload: q.data,
        localeHint: q.from.language_code,
      },
      callbackQueryId: q.id,
      messageId: q.message?.message_id,
    };
  }
  if (!('message' in update)) return null;
  const m = update.message;
  if (m.chat.type !== 'private' || !m.from || m.from.is_bot) return null;
  const msg: IncomingMessage = {
    channel: 'telegram',
    externalId: String(m.chat.id),
    localeHint: m.from.language_code,
  };
  if ('text' in m) msg.text = m.text;
  else if ('contact' in m)
    msg.contact = { phone: m.contact.phone_number, own: m.contact.user_id === m.from.id };
  else if ('location' in m) msg.location = { lat: m.location.latitude, lng: m.location.longitude };
  else if ('photo' in m) {
    // The largest size is last; Agora keeps the file id as a reference, never the picture itself.
    msg.photo = m.photo[m.photo.length - 1]?.file_id;
    if (m.caption) msg.text = m.caption;
  }
  return msg.text !== undefined || msg.contact || msg.location || msg.photo
    ? { msg }
    : { msg: { ...msg, text: '' } };
}
