import { phaseOf } from '../../../core/model/challenge';
import type { GeoPoint } from '../../../core/model/proposal';
import { MAX_DESCRIPTION, MAX_TITLE, submitProposal } from '../../../core/usecases/proposals/submit';
import { amountIn } from '../amount';
import { num } from '../i18n/format';
import type { Turn } from '../turn';
import { btn, challengesIn, moneyOf, showMenu, titleOf } from './common';
import { hasConsent } from './onboarding';

interface Draft {
  challengeId: string;
  title?: string;
  description?: string;
  cost?: number;
  location?: GeoPoint | null;
  photo?: string | null;
  /** Set once the citizen has seen the review: an edit goes back to it instead of onwards. */
  reviewing?: boolean;
}

const draft = (turn: Turn): Draft => turn.conv.data as unknown as Draft;
const cancelRow = (turn: Turn) => [btn(turn.t.btnCancel, 'cancel')];

/** "I want to propose": pick the challenge (the only one open, or ask), then ask for the title. */
export async function startPropose(turn: Turn, challengeId?: string | null): Promise<void> {
  if (!hasConsent(turn)) return;
  if (challengeId) {
    const c = await turn.deps.store.challenges.get(challengeId);
    if (!c) return showMenu(turn, turn.t.notFound);
    if (phaseOf(c, turn.now) !== 'proposals') return showMenu(turn, turn.t.proposeNotOpen(titleOf(turn, c)));
    turn.go('propose', 'title', { challengeId: c.id });
    return turn.say(turn.t.proposeTitle(titleOf(turn, c)), [cancelRow(turn)]);
  }
  const open = await challengesIn(turn, 'proposals');
  if (open.length === 0) return showMenu(turn, turn.t.proposeNoChallenge);
  if (open.length === 1) return startPropose(turn, (open[0] as { id: string }).id);
  turn.say(turn.t.whichChallenge, [
    ...open.map((c) => [btn(titleOf(turn, c), 'prop', c.id)]),
    cancelRow(turn),
  ]);
}

/** Free text while proposing: the answer to the current step. */
export async function proposeText(turn: Turn, text: string): Promise<void> {
  const d = draft(turn);
  const c = await turn.deps.store.challenges.get(d.challengeId);
  if (!c) {
    turn.done();
    return showMenu(turn, turn.t.notFound);
  }
  const value = text.trim();
  switch (turn.conv.step) {
    case 'title':
      if (value.length < 3 || value.length > MAX_TITLE)
        return turn.say(turn.t.proposeTextInvalid(num(turn.locale, MAX_TITLE)), [cancelRow(turn)]);
      turn.setData('title', value);
      return d.reviewing ? review(turn) : ask(turn, 'description');
    case 'description':
      if (value.length < 1 || value.length > MAX_DESCRIPTION)
        return turn.say(turn.t.proposeTextInvalid(num(turn.locale, MAX_DESCRIPTION)), [cancelRow(turn)]);
      turn.setData('description', value);
      return d.reviewing ? review(turn) : ask(turn, 'cost');
    case 'cost': {
      const cost = await amountIn(turn, value);
      if (cost === null || cost <= 0 || cost > c.budget)
        return turn.say(turn.t.proposeCostInvalid(moneyOf(turn, c.budget, c.currency)), [cancelRow(turn)]);
      turn.setData('cost', cost);
      return d.reviewing ? review(turn) : ask(turn, 'location');
    }
    case 'location':
      // Words instead of a location: taken as "no location", the citizen can still go back from review.
      return review(turn);
    default:
      return review(turn);
  }
}

/** A location or photo while proposing (at any step: kept, and the journey goes on). */
export async function proposeAttachment(
  turn: Turn,
  a: { location?: GeoPoint; photo?: string },
): Promise<void> {
  if (a.location) turn.setData('location', a.location);
  if (a.photo) turn.setData('photo', a.photo);
  if (turn.conv.step === 'location' || draft(turn).reviewing) return review(turn);
  const c = await turn.deps.store.challenges.get(draft(turn).challengeId);
  return ask(turn, turn.conv.step ?? 'title', c ? titleOf(turn, c) : '');
}

export async function ask(turn: Turn, step: string, challengeTitle = ''): Promise<void> {
  const t = turn.t;
  turn.go('propose', step);
  if (step === 'title') return turn.say(t.proposeTitle(challengeTitle), [cancelRow(turn)]);
  if (step === 'description') return turn.say(t.proposeDescription, [cancelRow(turn)]);
  if (step === 'cost') {
    const c = await turn.deps.store.challenges.get(draft(turn).challengeId);
    return turn.say(t.proposeCost(c ? moneyOf(turn, c.budget, c.currency) : ''), [cancelRow(turn)]);
  }
  return turn.say(t.proposeLocation, [[btn(t.btnSkip, 'pskip'), btn(t.btnCancel, 'cancel')]]);
}

export async function review(turn: Turn): Promise<void> {
  const d = draft(turn);
  const c = await turn.deps.store.challenges.get(d.challengeId);
  if (!c || d.title === undefined || d.description === undefined || d.cost === undefined) {
    // A stale or partial draft (e.g. an old "skip" button): resume at the first missing answer.
    if (!c) return showMenu(turn, turn.t.notFound);
    return ask(
      turn,
      d.title === undefined ? 'title' : d.description === undefined ? 'description' : 'cost',
      titleOf(turn, c),
    );
  }
  const t = turn.t;
  turn.go('propose', 'review', { ...turn.conv.data, reviewing: true });
  const extra = (d.location ? t.proposeHasLocation : '') + (d.photo ? t.proposeHasPhoto : '');
  turn.say(t.proposeReview(d.title, d.description, moneyOf(turn, d.cost, c.currency), extra), [
    [btn(t.btnSubmit, 'psub')],
    [btn(t.btnEditTitle, 'pedit', 'title'), btn(t.btnEditDescription, 'pedit', 'description')],
    [btn(t.btnEditCost, 'pedit', 'cost'), btn(t.btnCancel, 'cancel')],
  ]);
}

export async function submit(turn: Turn): Promise<void> {
  const d = draft(turn);
  if (turn.conv.flow !== 'propose' || turn.conv.step !== 'review') return showMenu(turn, turn.t.staleButton);
  const r = await submitProposal(turn.deps, turn.citizen.id, d.challengeId, {
    title: { [turn.locale]: d.title ?? '' },
    description: { [turn.locale]: d.description ?? '' },
    cost: d.cost ?? 0,
    location: d.location ?? null,
    photo: d.photo ?? null,
  });
  turn.done();
  if (!r.ok) return showMenu(turn, turn.t.error[r.error.code]);
  showMenu(turn, turn.t.proposeSent(r.value.ref));
}
