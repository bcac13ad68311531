import { isLocale } from '../../core/model/locale';
import type { Payload } from './payload';
import type { Turn } from './turn';
import { myActivity, setFollow } from './journeys/activity';
import { askOfficial, startAsk } from './journeys/ask';
import { listChallenges, listProjects, showChallenge, showProject } from './journeys/browse';
import { showMenu } from './journeys/common';
import { cancel, help } from './journeys/menu';
import { answerConsent, chooseLanguage } from './journeys/onboarding';
import { ask, review, startPropose, submit } from './journeys/propose';
import { askRating, rate } from './journeys/rate';
import { showResults } from './journeys/results';
import { confirmDelete, settingsAction, showSettings } from './journeys/settings';
import { support } from './journeys/support';
import { clear, page, startVote, submitBallot, toggle } from './journeys/vote';

type Handler = (turn: Turn, args: string[]) => Promise<void> | void;

const int = (s: string | undefined): number | null =>
  s !== undefined && /^\d{1,4}$/.test(s) ? Number(s) : null;

/**
 * Every button action and its arity. A payload with the wrong arguments is treated like a stale
 * button; a valid one is still only a request: each journey re-checks state and phase.
 */
const ACTIONS: Record<string, { args: number; run: Handler }> = {
  menu: { args: 0, run: (turn) => (turn.done(), showMenu(turn)) },
  help: { args: 0, run: (turn) => help(turn) },
  cancel: { args: 0, run: (turn) => cancel(turn) },
  lang: { args: 1, run: (turn, [l]) => (isLocale(l) ? chooseLanguage(turn, l) : stale(turn)) },
  consent: { args: 1, run: (turn, [a]) => answerConsent(turn, a === 'y') },
  chs: { args: 1, run: (turn, [p]) => listChallenges(turn, int(p) ?? 0) },
  ch: { args: 1, run: (turn, [id]) => showChallenge(turn, id as string) },
  prjs: { args: 2, run: (turn, [id, p]) => listProjects(turn, id as string, int(p) ?? 0) },
  prj: { args: 1, run: (turn, [id]) => showProject(turn, id as string) },
  prop: { args: 1, run: (turn, [id]) => startPropose(turn, id as string) },
  pskip: { args: 0, run: (turn) => (turn.conv.flow === 'propose' ? review(turn) : stale(turn)) },
  pedit: {
    args: 1,
    run: (turn, [step]) =>
      turn.conv.flow === 'propose' && ['title', 'description', 'cost'].includes(step as string)
        ? ask(turn, step as string)
        : stale(turn),
  },
  psub: { args: 0, run: (turn) => submit(turn) },
  sup: { args: 1, run: (turn, [id]) => support(turn, id as string) },
  vote: { args: 1, run: (turn, [id]) => startVote(turn, id as string) },
  vt: { args: 1, run: (turn, [id]) => toggle(turn, id as string) },
  vp: { args: 1, run: (turn, [p]) => page(turn, int(p) ?? 0) },
  vs: { args: 0, run: (turn) => submitBallot(turn) },
  vc: { args: 0, run: (turn) => clear(turn) },
  res: { args: 1, run: (turn, [id]) => showResults(turn, id as string) },
  fo: { args: 2, run: (turn, [k, id]) => follow(turn, k, id, true) },
  uf: { args: 2, run: (turn, [k, id]) => follow(turn, k, id, false) },
  rate: { args: 1, run: (turn, [id]) => askRating(turn, id as string) },
  rv: {
    args: 2,
    run: (turn, [id, n]) => {
      const stars = int(n);
      return stars === null || stars < 1 || stars > 5 ? stale(turn) : rate(turn, id as string, stars);
    },
  },
  ask: { args: -1, run: (turn, [id]) => startAsk(turn, id ?? null) },
  askoff: { args: 0, run: (turn) => askOfficial(turn) },
  act: { args: 0, run: (turn) => myActivity(turn) },
  set: {
    args: -1,
    run: (turn, [what, arg]) => (what ? settingsAction(turn, what, arg) : showSettings(turn)),
  },
  delyes: { args: 0, run: (turn) => confirmDelete(turn) },
};

function follow(turn: Turn, kind: string | undefined, id: string | undefined, on: boolean) {
  if ((kind !== 'c' && kind !== 'p') || !id) return stale(turn);
  return setFollow(turn, { kind: kind === 'c' ? 'challenge' : 'project', id }, on);
}

function stale(turn: Turn): void {
  showMenu(turn, turn.t.staleButton);
}

export async function pressButton(turn: Turn, p: Payload): Promise<void> {
  const a = ACTIONS[p.action];
  if (!a || (a.args >= 0 && p.args.length !== a.args)) return stale(turn);
  await a.run(turn, p.args);
}
