import type { Challenge } from '../../../core/model/challenge';
import { phaseOf } from '../../../core/model/challenge';
import type { LocalizedText } from '../../../core/model/locale';
import { pickText } from '../../../core/model/locale';
import { phaseEndsAt } from '../../../core/model/phase';
import { date, money } from '../i18n/format';
import { encodePayload } from '../payload';
import type { Turn } from '../turn';
import type { Button } from '../types';

export const btn = (label: string, action: string, ...args: (string | number)[]): Button => ({
  label,
  payload: encodePayload(action, ...args),
});

export const PAGE_SIZE = 5;

/** Buttons two to a row: fits phone screens in every channel. */
export function rows(buttons: Button[], perRow = 2): Button[][] {
  const out: Button[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
  return out;
}

export function menuButtons(turn: Turn): Button[][] {
  const t = turn.t;
  return [
    [btn(t.menuChallenges, 'chs', 0), btn(t.menuActivity, 'act')],
    [btn(t.menuAsk, 'ask'), btn(t.menuSettings, 'set')],
    [btn(t.menuHelp, 'help')],
  ];
}

export function showMenu(turn: Turn, text?: string): void {
  turn.say(text ?? turn.t.menu, menuButtons(turn));
}

/** Previous/next buttons for page `page` (0-based) of `pages`, with the action taking the page last. */
export function pager(turn: Turn, page: number, pages: number, action: string, ...args: string[]): Button[] {
  const out: Button[] = [];
  if (page > 0) out.push(btn(turn.t.btnPrev, action, ...args, page - 1));
  if (page + 1 < pages) out.push(btn(turn.t.btnMore, action, ...args, page + 1));
  return out;
}

export const titleOf = (turn: Turn, x: { title: LocalizedText }): string => pickText(x.title, turn.locale);

export const moneyOf = (turn: Turn, amount: number, currency: string): string =>
  money(turn.locale, amount, currency);

export const phaseName = (turn: Turn, c: Challenge): string => turn.t.phase[phaseOf(c, turn.now)];

export function until(turn: Turn, c: Challenge): string | null {
  if (c.forcedPhase) return null;
  const end = phaseEndsAt(c.schedule, turn.now);
  return end ? date(turn.locale, end) : null;
}

/** Challenges a citizen can see: anything past preparation and not yet closed. */
export async function visibleChallenges(turn: Turn): Promise<Challenge[]> {
  const all = await turn.deps.store.challenges.list();
  return all.filter((c) => !['draft', 'closed'].includes(phaseOf(c, turn.now)));
}

/** Challenges in `phase`, for "vote" or "propose" without saying which. */
export async function challengesIn(turn: Turn, phase: string): Promise<Challenge[]> {
  return (await turn.deps.store.challenges.list()).filter((c) => phaseOf(c, turn.now) === phase);
}

/** A reference the NLU found in the text, of the given kind. */
export function referenced(turn: Turn, kind: 'project' | 'challenge'): string | null {
  const nlu = turn.understood;
  const e = nlu?.entities.find((x) => x.type === kind);
  return e && 'id' in e ? e.id : null;
}
