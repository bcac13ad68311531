import { phaseOf } from '../../model/challenge';
import type { LocalizedText } from '../../model/locale';
import { hasAnyText } from '../../model/locale';
import type { GeoPoint, Proposal } from '../../model/proposal';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Deps } from '../deps';
import { participant } from '../eligibility';

export interface ProposalInput {
  title: LocalizedText;
  description: LocalizedText;
  cost: number;
  location?: GeoPoint | null;
  category?: string | null;
  photo?: string | null;
}

export const MAX_TITLE = 120;
export const MAX_DESCRIPTION = 4000;

export function proposalInputProblem(i: ProposalInput, budget: number): string | null {
  if (!hasAnyText(i.title)) return 'title is required';
  if (Object.values(i.title).some((t) => (t ?? '').length > MAX_TITLE))
    return `title is longer than ${MAX_TITLE}`;
  if (Object.values(i.description).some((t) => (t ?? '').length > MAX_DESCRIPTION))
    return `description is longer than ${MAX_DESCRIPTION}`;
  if (!(Number.isFinite(i.cost) && i.cost > 0)) return 'cost must be a positive amount';
  if (i.cost > budget) return 'cost is larger than the whole budget';
  if (i.location && (Math.abs(i.location.lat) > 90 || Math.abs(i.location.lng) > 180))
    return 'location is invalid';
  return null;
}

/** A citizen proposes a project; only while the challenge is in its `proposals` phase. The author follows it. */
export async function submitProposal(
  deps: Deps,
  citizenId: string,
  challengeId: string,
  input: ProposalInput,
): Promise<Result<Proposal>> {
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const ch = await tx.challenges.get(challengeId);
    if (!ch) return fail('NOT_FOUND', 'challenge not found', { challengeId });
    if (phaseOf(ch, now) !== 'proposals')
      return fail('PROPOSALS_CLOSED', 'this challenge is not taking proposals now');
    const who = await participant(tx, citizenId);
    if (!who.ok) return who;
    const problem = proposalInputProblem(input, ch.budget);
    if (problem) return fail('INVALID_INPUT', problem, { budget: ch.budget });
    const proposal: Proposal = {
      id: deps.ids.next('pr'),
      challengeId,
      ref: await tx.proposals.nextRef(challengeId),
      authorId: citizenId,
      title: input.title,
      description: input.description,
      cost: input.cost,
      location: input.location ?? null,
      category: input.category ?? null,
      photo: input.photo ?? null,
      status: 'submitted',
      rejectionReason: null,
      officialNote: null,
      progress: 0,
      milestones: [],
      meta: {},
      createdAt: now,
      updatedAt: now,
    };
    await tx.proposals.save(proposal);
    await tx.follows.save({
      citizenId,
      target: { kind: 'project', id: proposal.id },
      auto: true,
      active: true,
      updatedAt: now,
    });
    return ok(proposal);
  });
}
