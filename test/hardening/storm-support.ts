import type { TelegramCall } from '../fakes/fake-telegram';

export function shuffle<T>(items: T[], rnd: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The ballot builder as the citizen sees it: one message with its inline keyboard. */
export interface BuilderView {
  text: string;
  /** Projects on the shown page, in order, with whether they are ticked. */
  projects: { id: string; checked: boolean }[];
  /** Page number -> callback data of the button that shows it. */
  nav: Map<number, string>;
  messageId: number | undefined;
}

interface InlineButton {
  text: string;
  callback_data?: string;
}

/** The builder in a Bot API call, or null when the call is something else (receipt, menu, ...). */
export function builderOf(call: TelegramCall): BuilderView | null {
  if (call.method !== 'sendMessage' && call.method !== 'editMessageText') return null;
  const markup = call.body.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined;
  const buttons = markup?.inline_keyboard?.flat() ?? [];
  // The submit button (`vs`) is what makes a keyboard the ballot builder.
  if (!buttons.some((b) => b.callback_data === 'vs')) return null;
  const projects: BuilderView['projects'] = [];
  const nav = new Map<number, string>();
  for (const b of buttons) {
    const data = b.callback_data ?? '';
    const toggle = /^vt:(.+)$/.exec(data);
    if (toggle) projects.push({ id: toggle[1] as string, checked: b.text.startsWith('☑️') });
    const page = /^vp:(\d+)$/.exec(data);
    if (page) nav.set(Number(page[1]), data);
  }
  return { text: String(call.body.text ?? ''), projects, nav, messageId: call.messageId };
}

/** The last builder among some calls (a reply may be a note, then the builder). */
export function lastBuilder(calls: readonly TelegramCall[]): BuilderView | null {
  for (let i = calls.length - 1; i >= 0; i--) {
    const view = builderOf(calls[i] as TelegramCall);
    if (view) return view;
  }
  return null;
}
