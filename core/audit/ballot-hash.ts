import type { BallotChoice } from '../model/ballot';
import { canonicalJson } from '../shared/canonical-json';
import { sha256Hex } from '../shared/hash';

/**
 * The hash a ballot entry of the chain carries, over the receipt, the ballot's secret salt and its
 * choices. The salt is what stops a vote buyer: with only the receipt (all a voter can hand over),
 * trying every possible ballot against the hash finds nothing. `audit verify` has the salts and
 * recomputes every hash. An empty salt gives the hash of ballots recorded before salts existed.
 */
export const ballotContentHash = (receipt: string, choices: readonly BallotChoice[], salt = ''): string => {
  const content = canonicalJson(choices.map((c) => ({ projectId: c.projectId, points: c.points })));
  return sha256Hex(salt === '' ? `${receipt}:${content}` : `${receipt}:${salt}:${content}`);
};

/** Length of a ballot salt: 26 characters of a 31-letter alphabet, about 128 bits. */
export const BALLOT_SALT_LENGTH = 26;
