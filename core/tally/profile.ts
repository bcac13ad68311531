import { decimalsOf, parseDecimal, toScaled } from './decimal';
import { TallyError } from './pabulib-error';
import type { PbElection, VoteType } from './pabulib-types';

/**
 * An election prepared for counting: projects by index, money as integers (scaled by 10^scale so
 * `1234,5` is exact), and identical ballots grouped with a weight, so 100,000 voters who made the
 * same choice cost one row. Built once and shared by every rule and every add1 round.
 */
export interface TallyProfile {
  voteType: VoteType;
  ids: string[];
  /** Project costs in money units scaled by 10^scale; safe integers. */
  cost: number[];
  /** Budget in the same units. */
  budget: bigint;
  /** 10^scale: one currency unit in scaled units (add1 raises each voter's budget by this). */
  unit: bigint;
  /** Voters, including empty ballots: they still own a share of the budget under MES. */
  voters: number;
  /** What greedy ranks by: approvals, points, or positional scores (k, k-1, ..., 1 for a ranking of k). */
  support: number[];
  /** How many voters support each project (first tie-break). */
  votes: number[];
  groups: BallotGroups;
}

/** Grouped ballots in flat typed arrays (compressed rows by group and by project). */
export interface BallotGroups {
  count: number;
  weight: Float64Array;
  /** Entries of group g: [groupStart[g], groupStart[g+1]) in groupProject/groupUtil. */
  groupStart: Int32Array;
  groupProject: Int32Array;
  /** MES utility of the group for the project: the cost (approval), points, or positional score. */
  groupUtil: Float64Array;
  /** Supporters of project c: [projStart[c], projStart[c+1]) in projGroup/projUtil. */
  projStart: Int32Array;
  projGroup: Int32Array;
  projUtil: Float64Array;
  /** Weight of the group of each project entry, copied so hot loops read memory in order. */
  projWeight: Int32Array;
  /** 1 / utility of each project entry (multiplying is cheaper than dividing in hot loops). */
  projInvUtil: Float64Array;
  /** Sum of weight x utility over each project's supporters (an exact integer in a double). */
  projTotalUtility: Float64Array;
  /** Largest utility any supporter has for each project. */
  projMaxUtility: Float64Array;
  /** The utility every supporter has for the project when it is the same for all (approval), else 0. */
  projUniformUtility: Float64Array;
  /** For each project, the projects that share at least one supporter group with it. */
  coSupported: Int32Array[];
}

/** Builds the counting profile; throws `TallyError` for input a parser would have refused. */
export function buildProfile(e: PbElection): TallyProfile {
  const index = new Map<string, number>();
  e.projects.forEach((p, i) => {
    if (index.has(p.id)) throw new TallyError(`project ${p.id} appears twice`);
    index.set(p.id, i);
  });
  const budgetValue = parseDecimal(e.meta.budget ?? '');
  if (budgetValue === null || budgetValue < 0)
    throw new TallyError(`budget "${e.meta.budget}" is not a number`);
  const scale = Math.max(decimalsOf(budgetValue), ...e.projects.map((p) => decimalsOf(p.cost)));
  const cost = e.projects.map((p) => safe(Number(toScaled(p.cost, scale)), `cost of project ${p.id}`));
  const pointScale = Math.max(0, ...e.votes.flatMap((v) => (v.points ?? []).map(decimalsOf)));

  const P = e.projects.length;
  const support = new Array<number>(P).fill(0);
  const votes = new Array<number>(P).fill(0);
  const groupsByKey = new Map<string, { weight: number; entries: [number, number][] }>();
  for (const v of e.votes) {
    const entries = ballotEntries(e.voteType, v.vote, v.points, index, cost, pointScale, v.voterId);
    for (const [c, , s] of entries) {
      support[c] = (support[c] as number) + s;
      if (s > 0 || e.voteType === 'approval' || e.voteType === 'choose-1')
        votes[c] = (votes[c] as number) + 1;
    }
    const mes = entries.filter(([, u]) => u > 0).map(([c, u]) => [c, u] as [number, number]);
    mes.sort((a, b) => a[0] - b[0]);
    const key = mes.map(([c, u]) => `${c}:${u}`).join(',');
    const g = groupsByKey.get(key);
    if (g) g.weight++;
    else groupsByKey.set(key, { weight: 1, entries: mes });
  }
  support.forEach((s, c) => safe(s, `support of project ${e.projects[c]?.id}`));
  return {
    voteType: e.voteType,
    ids: e.projects.map((p) => p.id),
    cost,
    budget: toScaled(budgetValue, scale),
    unit: 10n ** BigInt(scale),
    voters: e.votes.length,
    support,
    votes,
    groups: compress([...groupsByKey.values()], P),
  };
}

/** [project, MES utility, greedy support] per choice of one ballot. */
function ballotEntries(
  type: VoteType,
  vote: readonly string[],
  points: readonly number[] | undefined,
  index: ReadonlyMap<string, number>,
  cost: readonly number[],
  pointScale: number,
  voterId: string,
): [number, number, number][] {
  const seen = new Set<number>();
  return vote.map((id, pos) => {
    const c = index.get(id);
    if (c === undefined) throw new TallyError(`voter ${voterId} names unknown project ${id}`);
    if (seen.has(c)) throw new TallyError(`voter ${voterId} names project ${id} twice`);
    seen.add(c);
    switch (type) {
      case 'approval':
      case 'choose-1': {
        // Cost utilities: a voter values a project at its cost. A free project still needs a positive
        // weight so its supporters are recorded; its payment is 0 whatever the weight.
        const u = cost[c] as number;
        return [c, u > 0 ? u : 1, 1];
      }
      case 'ordinal': {
        const score = vote.length - pos;
        return [c, score, score];
      }
      case 'cumulative':
      case 'scoring': {
        const p = points?.[pos];
        if (p === undefined) throw new TallyError(`voter ${voterId} has no points for project ${id}`);
        const scaled = Number(toScaled(p, pointScale));
        return [c, scaled, scaled];
      }
    }
  });
}

function compress(groups: { weight: number; entries: [number, number][] }[], P: number): BallotGroups {
  const G = groups.length;
  const weight = new Float64Array(G);
  const groupStart = new Int32Array(G + 1);
  let total = 0;
  groups.forEach((g, i) => {
    weight[i] = g.weight;
    groupStart[i] = total;
    total += g.entries.length;
  });
  groupStart[G] = total;
  const groupProject = new Int32Array(total);
  const groupUtil = new Float64Array(total);
  const perProject = new Int32Array(P);
  groups.forEach((g, i) => {
    let k = groupStart[i] as number;
    for (const [c, u] of g.entries) {
      groupProject[k] = c;
      groupUtil[k] = u;
      perProject[c] = (perProject[c] as number) + 1;
      k++;
    }
  });
  const projStart = new Int32Array(P + 1);
  for (let c = 0; c < P; c++) projStart[c + 1] = (projStart[c] as number) + (perProject[c] as number);
  const fill = projStart.slice(0, P);
  const projGroup = new Int32Array(total);
  const projUtil = new Float64Array(total);
  for (let g = 0; g < G; g++) {
    for (let k = groupStart[g] as number; k < (groupStart[g + 1] as number); k++) {
      const c = groupProject[k] as number;
      const at = fill[c] as number;
      projGroup[at] = g;
      projUtil[at] = groupUtil[k] as number;
      fill[c] = at + 1;
    }
  }
  const projWeight = new Int32Array(total);
  const projInvUtil = new Float64Array(total);
  const projTotalUtility = new Float64Array(P);
  const projMaxUtility = new Float64Array(P);
  const projUniformUtility = new Float64Array(P);
  for (let c = 0; c < P; c++) {
    let sum = 0;
    let max = 0;
    let min = Infinity;
    for (let k = projStart[c] as number; k < (projStart[c + 1] as number); k++) {
      const w = weight[projGroup[k] as number] as number;
      const u = projUtil[k] as number;
      projWeight[k] = w;
      projInvUtil[k] = 1 / u;
      sum += w * u;
      if (u > max) max = u;
      if (u < min) min = u;
    }
    // Float sums of weight x utility must stay exact integers for the float path's error bounds.
    projTotalUtility[c] = safe(sum, 'a project total utility');
    projMaxUtility[c] = max;
    projUniformUtility[c] = min === max ? max : 0;
  }
  return {
    count: G,
    weight,
    groupStart,
    groupProject,
    groupUtil,
    projStart,
    projGroup,
    projUtil,
    projWeight,
    projInvUtil,
    projTotalUtility,
    projMaxUtility,
    projUniformUtility,
    coSupported: coSupport(groups, P),
  };
}

function coSupport(groups: { entries: [number, number][] }[], P: number): Int32Array[] {
  const seen = Array.from({ length: P }, () => new Uint8Array(P));
  for (const g of groups)
    for (const [a] of g.entries) {
      const row = seen[a] as Uint8Array;
      for (const [b] of g.entries) row[b] = 1;
    }
  return seen.map((row) => {
    const out: number[] = [];
    row.forEach((v, b) => {
      if (v) out.push(b);
    });
    return Int32Array.from(out);
  });
}

function safe(x: number, what: string): number {
  if (!Number.isSafeInteger(Math.abs(x)) || Math.abs(x) > 2 ** 52)
    throw new TallyError(`${what} is too large to count exactly (${x})`);
  return x;
}
