import type { ComputedResults } from '../../core/usecases/results/compute-results';
import { computeResults } from '../../core/usecases/results/compute-results';
import type { Stores } from '../../core/ports/store';
import type { Result } from '../../core/shared/result';
import { fail, ok } from '../../core/shared/result';
import { writePabulib } from '../../core/tally';

export interface CachedResults extends ComputedResults {
  /** The `.pb` file, written once: it is what people download to recount. */
  pb: string;
}

/**
 * Published results never change (voting is over and publication is final), so they are counted once
 * per publication and kept: a popular results page must not re-run Equal Shares on every request.
 * Keyed by publication time so a re-imported or re-published challenge is counted afresh.
 */
export class ResultsCache {
  private readonly entries = new Map<string, CachedResults>();

  constructor(
    private readonly stores: Pick<Stores, 'challenges' | 'proposals' | 'ballots'>,
    private readonly capacity = 64,
  ) {}

  async published(challengeId: string): Promise<Result<CachedResults>> {
    const ch = await this.stores.challenges.get(challengeId);
    if (!ch) return fail('NOT_FOUND', `no challenge with id ${challengeId}`);
    if (!ch.resultsPublishedAt) return fail('RESULTS_NOT_AVAILABLE', 'results are not published yet');
    const key = `${challengeId}@${ch.resultsPublishedAt.toISOString()}`;
    const hit = this.entries.get(key);
    if (hit) return ok(hit);
    const computed = await computeResults(this.stores, challengeId);
    if (!computed.ok) return computed;
    const entry = { ...computed.value, pb: writePabulib(computed.value.election) };
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, entry);
    return ok(entry);
  }
}
