import type { PbElection, PbProject, PbVote } from '../core/tally/pabulib-types';
import { seededRandom } from '../core/shared/prng';

export interface GenerateOptions {
  voters: number;
  projects: number;
  seed: number;
  /** Share of the total project cost the budget covers. */
  budgetShare?: number;
  minLength?: number;
  maxLength?: number;
}

/**
 * A synthetic approval election shaped like a city-wide PB: project costs spread log-uniformly from
 * 5,000 to 1,000,000 (whole currency units), popularity skewed (a few favourites, a long tail),
 * ballots of 1-10 projects drawn by popularity without repetition.
 */
export function generateElection(o: GenerateOptions): PbElection {
  const rnd = seededRandom(o.seed);
  const minLen = o.minLength ?? 1;
  const maxLen = o.maxLength ?? 10;
  const projects: PbProject[] = [];
  const popularity: number[] = [];
  for (let i = 0; i < o.projects; i++) {
    const cost = Math.round((5000 * Math.exp(rnd() * Math.log(200))) / 100) * 100;
    projects.push({ id: String(i + 1), cost, fields: { name: `Project ${i + 1}` } });
    popularity.push(Math.exp(2.2 * rnd()) * (1 + 3 * rnd() ** 8));
  }
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of popularity) cumulative.push((acc += w));
  const pick = (): number => {
    const x = rnd() * acc;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const votes: PbVote[] = [];
  for (let v = 0; v < o.voters; v++) {
    const len = Math.min(o.projects, minLen + Math.floor(rnd() * (maxLen - minLen + 1)));
    const chosen = new Set<number>();
    while (chosen.size < len) chosen.add(pick());
    votes.push({ voterId: String(v + 1), vote: [...chosen].map((i) => String(i + 1)), fields: {} });
  }
  const totalCost = projects.reduce((s, p) => s + p.cost, 0);
  const budget = Math.round(totalCost * (o.budgetShare ?? 0.25));
  return {
    meta: {
      description: `Generated election, ${o.voters} voters, ${o.projects} projects, seed ${o.seed}`,
      country: 'Worldwide',
      unit: 'Agora benchmark',
      instance: String(o.seed),
      num_projects: String(o.projects),
      num_votes: String(o.voters),
      budget: String(budget),
      vote_type: 'approval',
      rule: 'equalshares/add1',
      experimental: '1',
    },
    voteType: 'approval',
    projectColumns: ['project_id', 'cost', 'name'],
    projects,
    voteColumns: ['voter_id', 'vote'],
    votes,
  };
}
