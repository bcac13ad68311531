import path from 'node:path';
import type { PbElection, VoteType } from '../../../core/tally/pabulib-types';

/** The real Pabulib elections (copied from ../shared/pabulib so a clean clone has them). */
export const PABULIB_DIR = path.join(__dirname, '../../fixtures/pabulib');

export interface SmallElection {
  budget: number;
  voteType?: VoteType;
  /** [id, cost] pairs, in PROJECTS order. */
  projects: [string, number][];
  /** One entry per voter: project ids, or [id, points] pairs for cumulative ballots. */
  votes: (string[] | [string, number][])[];
  rule?: string;
}

/** A small election in code, as `parsePabulib` would return it. */
export function election(e: SmallElection): PbElection {
  const voteType = e.voteType ?? 'approval';
  return {
    meta: {
      description: 'test election',
      num_projects: String(e.projects.length),
      num_votes: String(e.votes.length),
      budget: String(e.budget),
      vote_type: voteType,
      ...(e.rule ? { rule: e.rule } : {}),
    },
    voteType,
    projectColumns: ['project_id', 'cost', 'name'],
    projects: e.projects.map(([id, cost]) => ({ id, cost, fields: { name: `Project ${id}` } })),
    voteColumns:
      voteType === 'cumulative' || voteType === 'scoring'
        ? ['voter_id', 'vote', 'points']
        : ['voter_id', 'vote'],
    votes: e.votes.map((v, i) => {
      const pairs = v.map((x) => (typeof x === 'string' ? ([x, 1] as [string, number]) : x));
      const vote = pairs.map(([id]) => id);
      return voteType === 'cumulative' || voteType === 'scoring'
        ? { voterId: `v${i + 1}`, vote, points: pairs.map(([, p]) => p), fields: {} }
        : { voterId: `v${i + 1}`, vote, fields: {} };
    }),
  };
}

/** `n` copies of the same ballot. */
export const times = <T>(n: number, ballot: T): T[] => Array.from({ length: n }, () => ballot);

/** A `.pb` text from lines (CR LF, as Pabulib writes). */
export const pb = (...lines: string[]): string => lines.join('\r\n') + '\r\n';

/** The lines of a small valid approval file, to break one piece at a time in error tests. */
export const VALID = [
  'META',
  'key;value',
  'description;Test',
  'num_projects;3',
  'num_votes;2',
  'budget;100',
  'vote_type;approval',
  'PROJECTS',
  'project_id;cost;name',
  '1;60;First',
  '2;40;Second',
  '3;30,5;Third',
  'VOTES',
  'voter_id;vote',
  'a;1,2',
  'b;3',
];
