import type { BallotChoice } from '../model/ballot';
import { canonicalJson } from '../shared/canonical-json';
import { sha256Hex } from '../shared/hash';

/**
 * The hash a ballot entry of the chain carries. The receipt salts it: without the receipt nobody can
 * guess a ballot's content from its hash, with it the voter can check their own ballot.
 */
export const ballotContentHash = (receipt: string, choices: readonly BallotChoice[]): string =>
  sha256Hex(
    `${receipt}:${canonicalJson(choices.map((c) => ({ projectId: c.projectId, points: c.points })))}`,
  );
