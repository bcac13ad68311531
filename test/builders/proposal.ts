import type { Proposal } from '../../core/model/proposal';
import { atBase, nextSeq } from './sequence';

/**
 * A freshly submitted proposal costing 10 000. Its `challengeId` and `authorId` are fresh ids that
 * point nowhere: pass the ids of stored rows when the store checks references.
 */
export function aProposal(overrides: Partial<Proposal> = {}): Proposal {
  const n = nextSeq();
  return {
    id: `pr_${n}`,
    challengeId: `ch_${n}`,
    ref: String(n),
    authorId: `ci_${n}`,
    title: { en: `Project ${n}` },
    description: { en: `What project ${n} would build.` },
    cost: 10_000,
    location: null,
    category: null,
    photo: null,
    status: 'submitted',
    rejectionReason: null,
    officialNote: null,
    progress: 0,
    milestones: [],
    meta: {},
    createdAt: atBase(),
    updatedAt: atBase(),
    ...overrides,
  };
}
