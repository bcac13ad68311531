import type { Button, Reply } from '../dialog/types';
import type { CardAction, OutgoingActivity } from './activity';

/**
 * Above this many buttons, a reply sent through the Bot Framework connector becomes a hero card:
 * Teams and most Azure channels show only a handful of suggested actions (Teams: imBack only, and
 * not in group chats), while a card's button list has no such cap.
 */
export const HERO_CARD_ABOVE = 6;

export interface RenderOptions {
  /** Replies with more buttons than this become hero cards; absent = always suggested actions. */
  heroCardAbove?: number;
}

const action = (b: Button): CardAction => ({ type: 'postBack', title: b.label, value: b.payload });

/**
 * Replies -> message activities. Buttons become suggested actions of type `postBack`: the payload
 * reaches the bot (Web Chat sends it as text flagged `channelData.postBack`, or as `value`) and is
 * hidden from the transcript, so a citizen never sees `vt:pr_x1` as something they "said".
 *
 * Web Chat shows only the suggested actions of the last activity, and clears them once the user
 * answers. So a redrawn ballot (`edit`) simply replaces the old buttons (Direct Line cannot edit
 * a sent activity; `edit` is otherwise a no-op), and the buttons of a turn go on its last activity:
 * those of the last reply that has some (the engine puts them on the last reply anyway).
 *
 * Images travel inline as `data:image/png;base64,...` with the alt text as the attachment name:
 * the self-hosted page needs no second request, and nothing is published under a guessable URL.
 * `requestContact` is dropped: a web page cannot vouch for a phone number (the engine offers phone
 * verification on Telegram only).
 */
export function renderActivities(replies: readonly Reply[], opts: RenderOptions = {}): OutgoingActivity[] {
  const cardAbove = opts.heroCardAbove ?? Number.POSITIVE_INFINITY;
  let suggested: CardAction[] | undefined;
  const out = replies.map((r): OutgoingActivity => {
    const a: OutgoingActivity = { type: 'message', text: r.text, textFormat: 'plain' };
    const buttons = (r.buttons ?? []).flat();
    if (buttons.length > cardAbove) {
      a.attachments = [
        { contentType: 'application/vnd.microsoft.card.hero', content: { buttons: buttons.map(action) } },
      ];
      a.attachmentLayout = 'list';
    } else if (buttons.length) {
      suggested = buttons.map(action);
    }
    if (r.image) {
      a.attachments = [
        ...(a.attachments ?? []),
        {
          contentType: 'image/png',
          contentUrl: `data:image/png;base64,${r.image.png.toString('base64')}`,
          name: r.image.alt,
        },
      ];
    }
    return a;
  });
  const last = out[out.length - 1];
  if (last && suggested) last.suggestedActions = { actions: suggested };
  return out;
}
