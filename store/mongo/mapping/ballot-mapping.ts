import type { Ballot, BallotChoice } from '../../../core/model/ballot';
import type { BallotDoc } from '../schemas/ballot-schema';
import { plainJson, textOrNull } from './json';

export function ballotToDoc(b: Ballot, ord: number): BallotDoc {
  return {
    _id: b.id,
    challengeId: b.challengeId,
    citizenId: b.citizenId,
    voterRef: b.voterRef,
    choices: b.choices.map(choiceOf),
    receipt: b.receipt,
    salt: b.salt,
    castAt: b.castAt,
    updatedAt: b.updatedAt,
    meta: plainJson(b.meta),
    ord,
  };
}

export function ballotFromDoc(doc: BallotDoc): Ballot {
  return {
    id: doc._id,
    challengeId: doc.challengeId,
    citizenId: textOrNull(doc.citizenId),
    voterRef: doc.voterRef,
    choices: doc.choices.map(choiceOf),
    receipt: doc.receipt,
    salt: doc.salt ?? '',
    castAt: doc.castAt,
    updatedAt: doc.updatedAt,
    meta: doc.meta,
  };
}

// A choice without points has no `points` key at all (not `points: undefined` or null).
const choiceOf = (c: BallotChoice): BallotChoice =>
  typeof c.points === 'number' ? { projectId: c.projectId, points: c.points } : { projectId: c.projectId };
