import type { BallotChoice } from '../../../core/model/ballot';
import type { Challenge } from '../../../core/model/challenge';
import { phaseOf } from '../../../core/model/challenge';
import type { Proposal } from '../../../core/model/proposal';
import { castBallot } from '../../../core/usecases/ballots/cast-ballot';
import type { Turn } from '../turn';
import type { Button } from '../types';
import { btn, challengesIn, moneyOf, PAGE_SIZE, pager, showMenu, titleOf } from './common';
import { hasConsent } from './onboarding';

interface BallotDraft {
  challengeId: string;
  choices: BallotChoice[];
  page: number;
}

const draft = (turn: Turn): BallotDraft => turn.conv.data as unknown as BallotDraft;
const onBallot = (turn: Turn, challengeId: string): Promise<Proposal[]> =>
  turn.deps.store.proposals.listByChallenge(challengeId, ['accepted']);

/** "I want to vote": the only open vote, or a choice; the builder starts from the citizen's ballot if any. */
export async function startVote(turn: Turn, challengeId?: string | null): Promise<void> {
  if (!hasConsent(turn)) return;
  if (!challengeId) {
    const open = await challengesIn(turn, 'voting');
    if (open.length === 0) return showMenu(turn, turn.t.voteNoChallenge);
    if (open.length > 1)
      return turn.say(
        turn.t.whichChallenge,
        open.map((c) => [btn(titleOf(turn, c), 'vote', c.id)]),
      );
    challengeId = (open[0] as Challenge).id;
  }
  const c = await turn.deps.store.challenges.get(challengeId);
  if (!c) return showMenu(turn, turn.t.notFound);
  if (phaseOf(c, turn.now) !== 'voting') return showMenu(turn, turn.t.voteNotOpen(titleOf(turn, c)));
  const existing = await turn.deps.store.ballots.get(c.id, turn.citizen.id);
  if (existing) turn.say(turn.t.yourBallot(titleOf(turn, c), existing.receipt));
  turn.go('vote', 'build', { challengeId: c.id, choices: existing?.choices ?? [], page: 0 });
  await render(turn, c, false);
}

/** A tap on a project: add or remove it under the rule, explaining a refusal, then redraw. */
export async function toggle(turn: Turn, projectId: string): Promise<void> {
  const live = await liveBallot(turn);
  if (!live) return;
  const { c, projects } = live;
  const p = projects.find((x) => x.id === projectId);
  if (!p) return render(turn, c, true, turn.t.notFound);
  const d = draft(turn);
  const rule = c.ballotRule;
  const chosen = d.choices.find((x) => x.projectId === projectId);
  let choices = d.choices;
  let note: string | undefined;
  if (rule.kind === 'cumulative') {
    const used = choices.reduce((s, x) => s + (x.points ?? 0), 0);
    if (used >= rule.points) note = turn.t.ballotNoPointsLeft;
    else if (rule.maxPerProject !== undefined && (chosen?.points ?? 0) >= rule.maxPerProject)
      note = turn.t.error.POINTS_EXCEEDED;
    else
      choices = chosen
        ? choices.map((x) => (x === chosen ? { ...x, points: (x.points ?? 0) + 1 } : x))
        : [...choices, { projectId, points: 1 }];
  } else if (chosen) choices = choices.filter((x) => x !== chosen);
  else if (rule.kind === 'knapsack') {
    const left = c.budget - spent(projects, choices);
    if (p.cost > left)
      note = turn.t.ballotOverBudget(moneyOf(turn, p.cost, c.currency), moneyOf(turn, left, c.currency));
    else choices = [...choices, { projectId }];
  } else {
    const max = rule.kind === 'approval' ? rule.max : rule.maxRanks;
    if (choices.length >= max) note = turn.t.ballotTooMany(max);
    else choices = [...choices, { projectId }];
  }
  turn.setData('choices', choices);
  await render(turn, c, true, note);
}

export async function page(turn: Turn, n: number): Promise<void> {
  const live = await liveBallot(turn);
  if (!live) return;
  turn.setData('page', n);
  await render(turn, live.c, true);
}

export async function clear(turn: Turn): Promise<void> {
  const live = await liveBallot(turn);
  if (!live) return;
  turn.setData('choices', []);
  await render(turn, live.c, true);
}

export async function submitBallot(turn: Turn): Promise<void> {
  const live = await liveBallot(turn);
  if (!live) return;
  const d = draft(turn);
  if (d.choices.length === 0) return render(turn, live.c, false, turn.t.ballotEmpty);
  const r = await castBallot(turn.deps, turn.citizen.id, live.c.id, d.choices);
  if (!r.ok) {
    if (r.error.code === 'VOTING_CLOSED') {
      turn.done();
      return showMenu(turn, turn.t.error.VOTING_CLOSED);
    }
    return render(turn, live.c, false, turn.t.error[r.error.code]);
  }
  turn.done();
  showMenu(
    turn,
    r.value.changed ? turn.t.ballotChanged(r.value.receipt) : turn.t.ballotCast(r.value.receipt),
  );
}

/**
 * The ballot being built, if the button still applies: the citizen is in the builder and voting is
 * still open. An old button after voting closed gets an explanation, never a vote.
 */
async function liveBallot(turn: Turn): Promise<{ c: Challenge; projects: Proposal[] } | null> {
  if (turn.conv.flow !== 'vote') {
    showMenu(turn, turn.t.staleButton);
    return null;
  }
  const c = await turn.deps.store.challenges.get(draft(turn).challengeId);
  if (!c || phaseOf(c, turn.now) !== 'voting') {
    turn.done();
    showMenu(turn, turn.t.error.VOTING_CLOSED);
    return null;
  }
  return { c, projects: await onBallot(turn, c.id) };
}

const spent = (projects: readonly Proposal[], choices: readonly BallotChoice[]): number =>
  choices.reduce((s, x) => s + (projects.find((p) => p.id === x.projectId)?.cost ?? 0), 0);

async function render(turn: Turn, c: Challenge, edit: boolean, note?: string): Promise<void> {
  const projects = await onBallot(turn, c.id);
  const d = draft(turn);
  const t = turn.t;
  const rule = c.ballotRule;
  const title = titleOf(turn, c);
  let header: string;
  if (rule.kind === 'knapsack')
    header = t.ballotKnapsack(
      title,
      moneyOf(turn, c.budget - spent(projects, d.choices), c.currency),
      moneyOf(turn, c.budget, c.currency),
    );
  else if (rule.kind === 'approval') header = t.ballotApproval(title, rule.min, rule.max, d.choices.length);
  else if (rule.kind === 'ranked') header = t.ballotRanked(title, rule.maxRanks);
  else {
    const used = d.choices.reduce((s, x) => s + (x.points ?? 0), 0);
    header = t.ballotCumulative(title, rule.points - used, rule.points);
  }
  const pages = Math.max(1, Math.ceil(projects.length / PAGE_SIZE));
  const p = Math.min(Math.max(0, d.page), pages - 1);
  const buttons: Button[][] = projects.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE).map((x) => {
    const i = d.choices.findIndex((ch) => ch.projectId === x.id);
    const mark =
      i < 0
        ? '▫️'
        : rule.kind === 'ranked'
          ? `#${i + 1}`
          : rule.kind === 'cumulative'
            ? `(${d.choices[i]?.points ?? 0})`
            : '☑️';
    return [btn(`${mark} ${x.ref}. ${titleOf(turn, x)} · ${moneyOf(turn, x.cost, c.currency)}`, 'vt', x.id)];
  });
  const nav = pager(turn, p, pages, 'vp');
  if (nav.length) buttons.push(nav);
  buttons.push([btn(t.btnSubmitBallot, 'vs'), btn(t.btnClearBallot, 'vc')]);
  buttons.push([btn(t.btnCancel, 'cancel')]);
  turn.push({ text: note ? `${note}\n\n${header}` : header, buttons, edit });
}
