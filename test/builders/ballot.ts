import type { Ballot } from '../../core/model/ballot';
import { atBase, nextSeq } from './sequence';

/** A ballot approving one project, with a fresh receipt and voter ref. Ids point nowhere unless given. */
export function aBallot(overrides: Partial<Ballot> = {}): Ballot {
  const n = nextSeq();
  return {
    id: `ba_${n}`,
    challengeId: `ch_${n}`,
    citizenId: `ci_${n}`,
    voterRef: `v${n}`,
    choices: [{ projectId: `pr_${n}` }],
    receipt: `RCPT${n}`,
    salt: `SALT${n}`,
    castAt: atBase(),
    updatedAt: atBase(),
    meta: {},
    ...overrides,
  };
}
