import { splitText as splitAt } from '../dialog/split-text';
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'telegraf/types';
import type { Reply } from '../dialog/types';

/** Telegram's limits: 4096 characters per message, 1024 per photo caption. */
export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;

/** One Bot API call to make for a reply. Text is sent without parse_mode: nothing a citizen typed is ever markup. */
export type TelegramOp =
  | {
      method: 'sendMessage';
      text: string;
      markup?: InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;
    }
  | { method: 'editMessageText'; text: string; markup?: InlineKeyboardMarkup }
  | { method: 'sendPhoto'; png: Buffer; caption: string; markup?: InlineKeyboardMarkup };

/** Telegram's 4096-character limit (see bots/dialog/split-text.ts). */
export const splitText = (text: string, max = MAX_TEXT): string[] => splitAt(text, max);

const inline = (r: Reply): InlineKeyboardMarkup | undefined =>
  r.buttons?.length
    ? {
        inline_keyboard: r.buttons.map((row) =>
          row.map((b) => ({ text: b.label, callback_data: b.payload })),
        ),
      }
    : undefined;

/**
 * Replies -> Bot API calls. Buttons become an inline keyboard on the last part of a split text;
 * a contact request is a one-time reply keyboard (Telegram's only way to ask for the phone).
 * `canEdit`: the update was a button press, so the first reply marked `edit` redraws that message.
 */
export function renderReplies(replies: readonly Reply[], canEdit: boolean): TelegramOp[] {
  const ops: TelegramOp[] = [];
  replies.forEach((r, i) => {
    const markup = inline(r);
    if (r.image) {
      const caption = r.text.length <= MAX_CAPTION ? r.text : r.image.alt.slice(0, MAX_CAPTION);
      ops.push({ method: 'sendPhoto', png: r.image.png, caption, markup });
      if (r.text.length > MAX_CAPTION)
        for (const t of splitText(r.text)) ops.push({ method: 'sendMessage', text: t });
      return;
    }
    if (r.requestContact) {
      ops.push({
        method: 'sendMessage',
        text: r.text,
        markup: {
          keyboard: [[{ text: r.requestContact.label, request_contact: true }]],
          one_time_keyboard: true,
          resize_keyboard: true,
        },
      });
      return;
    }
    const parts = splitText(r.text || ' ');
    if (r.edit && canEdit && i === 0 && parts.length === 1) {
      ops.push({ method: 'editMessageText', text: parts[0] as string, markup });
      return;
    }
    parts.forEach((text, k) =>
      ops.push({ method: 'sendMessage', text, markup: k === parts.length - 1 ? markup : undefined }),
    );
  });
  return ops;
}
