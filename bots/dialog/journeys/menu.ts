import { phaseOf } from '../../../core/model/challenge';
import type { Turn } from '../turn';
import type { Button } from '../types';
import { btn, menuButtons, titleOf, visibleChallenges } from './common';

/** What the citizen can do right now: one button per open action, then the menu. */
export async function suggestions(turn: Turn): Promise<Button[][]> {
  const out: Button[][] = [];
  for (const c of (await visibleChallenges(turn)).slice(0, 3)) {
    const phase = phaseOf(c, turn.now);
    const title = titleOf(turn, c);
    if (phase === 'voting') out.push([btn(`${turn.t.btnVote}: ${title}`, 'vote', c.id)]);
    else if (phase === 'proposals') out.push([btn(`${turn.t.btnPropose}: ${title}`, 'prop', c.id)]);
    else if (phase === 'supports') out.push([btn(`${turn.t.btnSupport}: ${title}`, 'prjs', c.id, 0)]);
    else if (c.resultsPublishedAt) out.push([btn(`${turn.t.btnResults}: ${title}`, 'res', c.id)]);
  }
  return [...out, ...menuButtons(turn)];
}

export async function help(turn: Turn): Promise<void> {
  turn.say(turn.t.help);
  turn.say(turn.t.suggestions, await suggestions(turn));
}

/** Not understood: say so, and offer what can be done now, so the conversation never dead-ends. */
export async function fallback(turn: Turn): Promise<void> {
  turn.say(`${turn.t.fallback} ${turn.t.suggestions}`, await suggestions(turn));
}

export async function cancel(turn: Turn): Promise<void> {
  const had = turn.conv.flow !== null;
  turn.done();
  turn.say(had ? turn.t.cancelled : turn.t.nothingToCancel, menuButtons(turn));
}
