import type { FollowTarget } from '../../../core/model/follow';
import { follow as followUC, unfollow as unfollowUC } from '../../../core/usecases/engagement/follow';
import type { Turn } from '../turn';
import { btn, showMenu, titleOf } from './common';

/** My proposals and their status, my ballots with receipts, how much I follow. */
export async function myActivity(turn: Turn): Promise<void> {
  const store = turn.deps.store;
  const t = turn.t;
  const proposals = await store.proposals.listByAuthor(turn.citizen.id);
  const ballots = await store.ballots.listByCitizen(turn.citizen.id);
  const follows = (await store.follows.listByCitizen(turn.citizen.id)).filter((f) => f.active);
  if (proposals.length === 0 && ballots.length === 0 && follows.length === 0)
    return showMenu(turn, t.activityNothing);
  const lines = [t.activityTitle];
  const buttons = [];
  if (proposals.length) {
    lines.push('', t.activityProposals);
    for (const p of proposals) {
      lines.push(`• ${p.ref}. ${titleOf(turn, p)}: ${t.status[p.status]}`);
      buttons.push([btn(`${p.ref}. ${titleOf(turn, p)}`, 'prj', p.id)]);
    }
  }
  if (ballots.length) {
    lines.push('', t.activityBallots);
    for (const b of ballots) {
      const c = await store.challenges.get(b.challengeId);
      if (c) lines.push(`• ${t.yourBallot(titleOf(turn, c), b.receipt)}`);
    }
  }
  lines.push('', t.activityFollows(follows.length));
  buttons.push([btn(t.btnMenu, 'menu')]);
  turn.say(lines.join('\n'), buttons.slice(-6));
}

async function targetTitle(turn: Turn, target: FollowTarget): Promise<string | null> {
  const x =
    target.kind === 'challenge'
      ? await turn.deps.store.challenges.get(target.id)
      : await turn.deps.store.proposals.get(target.id);
  return x ? titleOf(turn, x) : null;
}

export async function setFollow(turn: Turn, target: FollowTarget, on: boolean): Promise<void> {
  const title = await targetTitle(turn, target);
  if (title === null) return showMenu(turn, turn.t.notFound);
  const r = on
    ? await followUC(turn.deps, turn.citizen.id, target)
    : await unfollowUC(turn.deps, turn.citizen.id, target);
  if (!r.ok) return turn.sayError(r.error);
  const back =
    target.kind === 'challenge'
      ? btn(turn.t.btnBack, 'ch', target.id)
      : btn(turn.t.btnBack, 'prj', target.id);
  turn.say(on ? turn.t.followed(title) : turn.t.unfollowed(title), [[back, btn(turn.t.btnMenu, 'menu')]]);
}
