import { splitText as splitAt } from '../dialog/split-text';
import type { Button, Reply } from '../dialog/types';
import type { ViberButton, ViberKeyboard, ViberMessage } from './viber-client';

/** Viber's limits: 7000 characters per text message, 512 per picture caption, 250 per button text. */
export const MAX_TEXT = 7000;
export const MAX_CAPTION = 512;
export const MAX_BUTTON_TEXT = 250;
/**
 * Keyboard rows kept. Viber lays buttons on a 6-column grid and lets a keyboard grow taller than a
 * phone screen; past a dozen rows nobody finds anything. The engine already pages its lists (5 items
 * and a More/Previous row), so this cap is a safety net, not pagination: a longer keyboard keeps its
 * first 11 rows and its last one (where the engine puts navigation and Menu/Cancel).
 */
export const MAX_KEYBOARD_ROWS = 12;
export const GRID_COLUMNS = 6;
/**
 * The API level declared on messages with a keyboard (Viber 7.6+, 2017). `share-phone` buttons need
 * it; `Silent` taps need Viber 6.7+, and bot authors report Viber echoing taps into the chat unless
 * a `min_api_version` is declared. Messages without a keyboard declare nothing (level 1).
 */
export const KEYBOARD_API_VERSION = 3;

/**
 * A pressed button arrives as an ordinary text message whose text is the button's ActionBody. The
 * prefix tells a tap from typed text; what follows is the engine's payload, which the engine
 * validates anyway (someone typing `agora:...` gains nothing a tap would not give).
 */
export const ACTION_PREFIX = 'agora:';
/** Viber requires some ActionBody on share-phone buttons; the contact message is what arrives. */
export const SHARE_PHONE_ACTION_BODY = 'agora-share-phone';

export const encodeActionBody = (payload: string): string => `${ACTION_PREFIX}${payload}`;

export const decodeActionBody = (text: string): string | null =>
  text.startsWith(ACTION_PREFIX) ? text.slice(ACTION_PREFIX.length) : null;

/**
 * Viber shows pictures only from a public URL. The app supplies a way to publish a PNG (e.g. a
 * short-lived route under PUBLIC_URL); without one, or when it fails, the text alternative is sent.
 */
export type MediaUrl = (png: Buffer) => Promise<string | null>;

export interface ViberRenderOptions {
  mediaUrl?: MediaUrl;
}

/** Viber's 7000-character limit (see bots/dialog/split-text.ts). */
export const splitText = (text: string, max = MAX_TEXT): string[] => splitAt(text, max);

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Button texts may carry HTML on Viber; labels include project titles citizens typed, so they are
 * escaped, then cut to Viber's 250 characters without splitting an entity.
 */
export function buttonText(label: string): string {
  let out = '';
  for (const ch of label) {
    const piece = ENTITIES[ch] ?? ch;
    if (out.length + piece.length > MAX_BUTTON_TEXT) break;
    out += piece;
  }
  return out;
}

/** Columns for `n` buttons sharing one row: they must add up to 6, or Viber pulls the next row up. */
function spread(n: number): number[] {
  const base = Math.floor(GRID_COLUMNS / n);
  const extra = GRID_COLUMNS % n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

const replyButton = (b: Button, columns: number): ViberButton => ({
  Columns: columns,
  Rows: 1,
  ActionType: 'reply',
  ActionBody: encodeActionBody(b.payload),
  Text: buttonText(b.label),
  Silent: true,
});

/**
 * Rows of buttons -> one Viber keyboard, or undefined when there is nothing to press. Rows wider
 * than 6 buttons wrap; more than 12 rows keep the first 11 and the last.
 */
export function keyboardFor(
  rows: readonly Button[][],
  sharePhone?: { label: string },
): ViberKeyboard | undefined {
  const grid: ViberButton[][] = [];
  if (sharePhone)
    grid.push([
      {
        Columns: GRID_COLUMNS,
        Rows: 1,
        ActionType: 'share-phone',
        ActionBody: SHARE_PHONE_ACTION_BODY,
        Text: buttonText(sharePhone.label),
      },
    ]);
  for (const row of rows) {
    for (let i = 0; i < row.length; i += GRID_COLUMNS) {
      const chunk = row.slice(i, i + GRID_COLUMNS);
      const cols = spread(chunk.length);
      grid.push(chunk.map((b, k) => replyButton(b, cols[k] ?? 1)));
    }
  }
  if (grid.length === 0) return undefined;
  const kept =
    grid.length > MAX_KEYBOARD_ROWS
      ? [...grid.slice(0, MAX_KEYBOARD_ROWS - 1), grid[grid.length - 1] as ViberButton[]]
      : grid;
  return { Type: 'keyboard', DefaultHeight: false, Buttons: kept.flat() };
}

async function publish(mediaUrl: MediaUrl | undefined, png: Buffer): Promise<string | null> {
  if (!mediaUrl) return null;
  try {
    return await mediaUrl(png);
  } catch {
    // The picture is a bonus: its text alternative carries the same information.
    return null;
  }
}

/**
 * Replies -> Viber messages, in order. Viber has no inline keyboards: one custom keyboard shows
 * under the input field, the one of the latest message, and a message without one hides it. So a
 * keyboard stays on the following messages of the same batch until a reply brings its own; otherwise
 * a closing "tip" after a ballot would hide the ballot's buttons. Viber cannot edit a sent message:
 * `edit` replies are sent anew. Texts are plain (Viber does not interpret markup in text messages).
 */
export async function renderReplies(
  replies: readonly Reply[],
  opts: ViberRenderOptions = {},
): Promise<ViberMessage[]> {
  const out: ViberMessage[] = [];
  let keyboard: ViberKeyboard | undefined;
  const withKeyboard = (m: ViberMessage): ViberMessage =>
    keyboard ? { ...m, keyboard, min_api_version: KEYBOARD_API_VERSION } : m;
  const texts = (t: string) => {
    for (const part of splitText(t || '…')) out.push(withKeyboard({ type: 'text', text: part }));
  };

  for (const r of replies) {
    const own = keyboardFor(r.buttons ?? [], r.requestContact);
    if (own) keyboard = own;
    if (r.image) {
      const url = await publish(opts.mediaUrl, r.image.png);
      if (url) {
        const fits = r.text.length <= MAX_CAPTION;
        const caption = fits ? r.text : (splitText(r.image.alt, MAX_CAPTION)[0] ?? '');
        out.push(withKeyboard({ type: 'picture', text: caption, media: url }));
        if (!fits) texts(r.text);
      } else {
        const alt = r.image.alt.trim();
        texts([r.text, alt !== r.text.trim() ? alt : ''].filter((x) => x.length > 0).join('\n\n'));
      }
      continue;
    }
    texts(r.text);
  }
  return out;
}

/**
 * The welcome for someone who only opened the chat (`conversation_started`, not subscribed). Viber
 * accepts exactly one message there, as the HTTP answer to the callback; `send_message` would be
 * refused (receiver not subscribed). So the replies are folded into one text message with the last
 * keyboard: onboarding's greeting and its language buttons arrive together.
 */
export async function renderWelcome(replies: readonly Reply[]): Promise<ViberMessage | null> {
  if (replies.length === 0) return null;
  const withKeys = [...replies].reverse().find((r) => r.buttons?.length || r.requestContact);
  const text = replies
    .map((r) => (r.image && !r.text.includes(r.image.alt) ? `${r.text}\n${r.image.alt}` : r.text).trim())
    .filter((t) => t.length > 0)
    .join('\n\n');
  const [first] = await renderReplies([
    { text: splitText(text)[0] ?? '', buttons: withKeys?.buttons, requestContact: withKeys?.requestContact },
  ]);
  return first ?? null;
}
