import type { ProposalStatus } from '../../core/model/proposal';
import { PROPOSAL_STATUSES } from '../../core/model/proposal';
import type { Deps } from '../../core/usecases/deps';
import { en } from './view-helpers';

const DAY = 86_400_000;
/** Days shown in the participants-per-day chart. */
export const DAYS = 30;
/** Statuses whose cost is committed money. */
const ALLOCATED: readonly ProposalStatus[] = ['selected', 'in_progress', 'completed'];

/** Aggregates only: the dashboard shows no citizen. */
export interface DashboardData {
  participants: number;
  byChannel: { channel: string; count: number }[];
  byDay: { day: string; count: number }[];
  proposalsByStatus: { status: ProposalStatus; count: number }[];
  ballots: { challenge: string; count: number }[];
  budget: { challenge: string; currency: string; budget: number; allocated: number }[];
  openQuestions: number;
  outbox: { pending: number; sent: number; dead: number };
}

export async function dashboardData(deps: Deps): Promise<DashboardData> {
  const now = deps.clock.now();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (DAYS - 1) * DAY);
  const [part, challenges, open, outbox] = await Promise.all([
    deps.store.citizens.participation(since),
    deps.store.challenges.list(),
    deps.store.questions.listOpen(),
    deps.store.outbox.countByState(),
  ]);
  const perDay = new Map(part.byDay.map((d) => [d.day, d.count]));
  const byDay = Array.from({ length: DAYS }, (_, i) => {
    const day = new Date(since.getTime() + i * DAY).toISOString().slice(0, 10);
    return { day, count: perDay.get(day) ?? 0 };
  });
  const statusCounts = new Map<ProposalStatus, number>();
  const ballots: DashboardData['ballots'] = [];
  const budget: DashboardData['budget'] = [];
  for (const c of challenges) {
    const proposals = await deps.store.proposals.listByChallenge(c.id);
    for (const p of proposals) statusCounts.set(p.status, (statusCounts.get(p.status) ?? 0) + 1);
    ballots.push({ challenge: en(c.title), count: await deps.store.ballots.countByChallenge(c.id) });
    const allocated = proposals.filter((p) => ALLOCATED.includes(p.status)).reduce((s, p) => s + p.cost, 0);
    budget.push({ challenge: en(c.title), currency: c.currency, budget: c.budget, allocated });
  }
  // Someone on two channels counts on both; the total counts people.
  const byChannel = Object.entries(part.byChannel).map(([channel, count]) => ({
    channel,
    count: count ?? 0,
  }));
  return {
    participants: part.total,
    byChannel,
    byDay,
    proposalsByStatus: PROPOSAL_STATUSES.map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    ballots,
    budget,
    openQuestions: open.length,
    outbox,
  };
}
