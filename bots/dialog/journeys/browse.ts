import type { Challenge } from '../../../core/model/challenge';
import { phaseOf } from '../../../core/model/challenge';
import { pickText } from '../../../core/model/locale';
import type { Proposal } from '../../../core/model/proposal';
import { date, num, percent } from '../i18n/format';
import type { Turn } from '../turn';
import type { Button } from '../types';
import {
  btn,
  moneyOf,
  PAGE_SIZE,
  pager,
  phaseName,
  rows,
  showMenu,
  titleOf,
  until,
  visibleChallenges,
} from './common';

export async function listChallenges(turn: Turn, page = 0): Promise<void> {
  const all = await visibleChallenges(turn);
  if (all.length === 0) return showMenu(turn, turn.t.noChallenges);
  const pages = Math.ceil(all.length / PAGE_SIZE);
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = all.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE);
  const lines = shown.map((c) =>
    turn.t.challengeLine(
      titleOf(turn, c),
      phaseName(turn, c),
      moneyOf(turn, c.budget, c.currency),
      until(turn, c),
    ),
  );
  turn.say(`${turn.t.challengesTitle(p + 1, pages)}\n${lines.join('\n')}`, [
    ...shown.map((c) => [btn(titleOf(turn, c), 'ch', c.id)]),
    [...pager(turn, p, pages, 'chs'), btn(turn.t.btnMenu, 'menu')],
  ]);
}

/** The actions that make sense in the challenge's current phase, and always projects and follow. */
function challengeActions(turn: Turn, c: Challenge, following: boolean): Button[] {
  const t = turn.t;
  const phase = phaseOf(c, turn.now);
  const out: Button[] = [];
  if (phase === 'proposals') out.push(btn(t.btnPropose, 'prop', c.id));
  if (phase === 'voting') out.push(btn(t.btnVote, 'vote', c.id));
  if (c.resultsPublishedAt) out.push(btn(t.btnResults, 'res', c.id));
  out.push(btn(t.btnProjects, 'prjs', c.id, 0));
  out.push(following ? btn(t.btnUnfollow, 'uf', 'c', c.id) : btn(t.btnFollow, 'fo', 'c', c.id));
  out.push(btn(t.btnAsk, 'ask', c.id));
  return out;
}

export async function showChallenge(turn: Turn, id: string): Promise<void> {
  const c = await turn.deps.store.challenges.get(id);
  if (!c || phaseOf(c, turn.now) === 'draft') return showMenu(turn, turn.t.notFound);
  const f = await turn.deps.store.follows.get(turn.citizen.id, { kind: 'challenge', id });
  turn.say(
    turn.t.challengeDetail(
      titleOf(turn, c),
      pickText(c.description, turn.locale),
      phaseName(turn, c),
      moneyOf(turn, c.budget, c.currency),
      until(turn, c),
    ),
    [...rows(challengeActions(turn, c, f?.active === true)), [btn(turn.t.btnBack, 'chs', 0)]],
  );
}

/** Projects a citizen sees: everything but rejected ones (those are in the open data with reasons). */
async function listedProjects(turn: Turn, challengeId: string): Promise<Proposal[]> {
  const all = await turn.deps.store.proposals.listByChallenge(challengeId);
  return all.filter((p) => p.status !== 'rejected');
}

export async function listProjects(turn: Turn, challengeId: string, page = 0): Promise<void> {
  const c = await turn.deps.store.challenges.get(challengeId);
  if (!c) return showMenu(turn, turn.t.notFound);
  const all = await listedProjects(turn, challengeId);
  if (all.length === 0) return turn.say(turn.t.noProjects, [[btn(turn.t.btnBack, 'ch', c.id)]]);
  const pages = Math.ceil(all.length / PAGE_SIZE);
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = all.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE);
  const lines = shown.map((x) =>
    turn.t.projectLine(x.ref, titleOf(turn, x), moneyOf(turn, x.cost, c.currency), turn.t.status[x.status]),
  );
  turn.say(`${turn.t.projectsTitle(titleOf(turn, c), p + 1, pages)}\n${lines.join('\n')}`, [
    ...shown.map((x) => [btn(`${x.ref}. ${titleOf(turn, x)}`, 'prj', x.id)]),
    [...pager(turn, p, pages, 'prjs', c.id), btn(turn.t.btnBack, 'ch', c.id)],
  ]);
}

export async function showProject(turn: Turn, id: string): Promise<void> {
  const store = turn.deps.store;
  const p = await store.proposals.get(id);
  const c = p ? await store.challenges.get(p.challengeId) : null;
  if (!p || !c) return showMenu(turn, turn.t.notFound);
  const t = turn.t;
  const lines = [
    t.projectDetail(
      p.ref,
      titleOf(turn, p),
      moneyOf(turn, p.cost, c.currency),
      t.status[p.status],
      pickText(p.description, turn.locale),
    ),
  ];
  const phase = phaseOf(c, turn.now);
  if (phase === 'supports') lines.push(t.supportsCount(num(turn.locale, await store.supports.count(p.id))));
  if (p.status === 'rejected' && p.rejectionReason) lines.push(t.rejectedBecause(p.rejectionReason));
  if (['in_progress', 'completed'].includes(p.status))
    lines.push(t.progressLine(percent(turn.locale, p.progress)));
  const updates = await store.updates.listByProject(p.id);
  const last = updates.reduce<(typeof updates)[number] | null>(
    (a, u) => (!a || u.createdAt >= a.createdAt ? u : a),
    null,
  );
  if (last) lines.push(t.lastUpdate(date(turn.locale, last.createdAt), last.text));

  const actions: Button[] = [];
  if (phase === 'supports' && p.status === 'accepted') actions.push(btn(t.btnSupport, 'sup', p.id));
  const f = await store.follows.get(turn.citizen.id, { kind: 'project', id: p.id });
  actions.push(f?.active ? btn(t.btnUnfollow, 'uf', 'p', p.id) : btn(t.btnFollow, 'fo', 'p', p.id));
  if (p.status === 'completed') actions.push(btn(t.btnRate, 'rate', p.id));
  turn.say(lines.join('\n'), [...rows(actions), [btn(t.btnBack, 'prjs', c.id, 0)]]);
}
