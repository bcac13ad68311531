import { computeResults } from '../../../core/usecases/results/compute-results';
import type { Turn } from '../turn';
import { btn, moneyOf, showMenu, titleOf } from './common';

/** Published results of a challenge (or a choice among those published), with the chart when available. */
export async function showResults(turn: Turn, challengeId: string | null): Promise<void> {
  const store = turn.deps.store;
  if (!challengeId) {
    const published = (await store.challenges.list()).filter((c) => c.resultsPublishedAt);
    if (published.length === 0) return showMenu(turn, turn.t.resultsNone);
    if (published.length > 1)
      return turn.say(
        turn.t.whichChallenge,
        published.slice(0, 8).map((c) => [btn(titleOf(turn, c), 'res', c.id)]),
      );
    challengeId = (published[0] as { id: string }).id;
  }
  const c = await store.challenges.get(challengeId);
  if (!c) return showMenu(turn, turn.t.notFound);
  if (!c.resultsPublishedAt) return showMenu(turn, turn.t.resultsNotYet(titleOf(turn, c)));
  const r = await computeResults(store, c.id);
  if (!r.ok) return turn.sayError(r.error);
  const res = r.value.results;
  const t = turn.t;
  const winners = res.projects.filter((p) => p.selected);
  const lines = [
    t.resultsTitle(
      titleOf(turn, c),
      winners.length,
      moneyOf(turn, res.totalCost, c.currency),
      moneyOf(turn, res.budget, c.currency),
    ),
    res.rule.method === 'greedy' ? t.resultsRuleGreedy : t.resultsRuleMes,
    '',
    ...winners.map((p) => `✅ ${p.ref}. ${titleOf(turn, p)}: ${moneyOf(turn, p.cost, c.currency)}`),
  ];
  const buttons = [[btn(t.btnProjects, 'prjs', c.id, 0), btn(t.btnMenu, 'menu')]];
  turn.say(lines.join('\n'));
  if (turn.deps.chart) {
    try {
      const png = await turn.deps.chart({
        title: titleOf(turn, c),
        locale: turn.locale,
        currency: c.currency,
        budget: res.budget,
        projects: res.projects.map((p) => ({
          label: `${p.ref}. ${titleOf(turn, p)}`,
          cost: p.cost,
          votes: p.votes,
          selected: p.selected,
        })),
        legend: {
          selected: t.chartLegendSelected,
          notSelected: t.chartLegendNotSelected,
          votes: t.chartLegendVotes,
        },
      });
      turn.push({ text: titleOf(turn, c), image: { png, alt: lines[0] as string }, buttons });
      return;
    } catch {
      // The chart is a bonus: the text above already carries the results.
    }
  }
  turn.say(t.menu, buttons);
}
