import { rateProject } from '../../../core/usecases/proposals/rate';
import type { Turn } from '../turn';
import { btn, showMenu, titleOf } from './common';
import { hasConsent } from './onboarding';

export async function askRating(turn: Turn, projectId: string): Promise<void> {
  if (!hasConsent(turn)) return;
  const p = await turn.deps.store.proposals.get(projectId);
  if (!p) return showMenu(turn, turn.t.notFound);
  if (p.status !== 'completed') return showMenu(turn, turn.t.rateNotAllowed);
  turn.say(turn.t.rateAsk(titleOf(turn, p)), [
    [1, 2, 3, 4, 5].map((n) => btn('⭐'.repeat(n), 'rv', p.id, n)).slice(0, 3),
    [4, 5].map((n) => btn('⭐'.repeat(n), 'rv', p.id, n)),
  ]);
}

export async function rate(turn: Turn, projectId: string, stars: number): Promise<void> {
  if (!hasConsent(turn)) return;
  const r = await rateProject(turn.deps, turn.citizen.id, projectId, stars);
  if (!r.ok) return turn.sayError(r.error, [[btn(turn.t.btnMenu, 'menu')]]);
  showMenu(turn, turn.t.rated(stars));
}
