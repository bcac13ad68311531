import { supportProposal } from '../../../core/usecases/proposals/support';
import type { Turn } from '../turn';
import { btn, challengesIn, showMenu, titleOf } from './common';
import { listProjects } from './browse';
import { hasConsent } from './onboarding';

/** Support one project, or (no project named) show the projects of the challenge collecting supports. */
export async function support(turn: Turn, projectId: string | null): Promise<void> {
  if (!hasConsent(turn)) return;
  if (!projectId) {
    const open = await challengesIn(turn, 'supports');
    if (open.length === 0) return showMenu(turn, turn.t.supportsNotOpen);
    if (open.length === 1) return listProjects(turn, (open[0] as { id: string }).id);
    return turn.say(
      turn.t.whichChallenge,
      open.map((c) => [btn(titleOf(turn, c), 'prjs', c.id, 0)]),
    );
  }
  const p = await turn.deps.store.proposals.get(projectId);
  if (!p) return showMenu(turn, turn.t.notFound);
  const r = await supportProposal(turn.deps, turn.citizen.id, projectId);
  const back = [[btn(turn.t.btnBack, 'prjs', p.challengeId, 0), btn(turn.t.btnMenu, 'menu')]];
  if (r.ok) return turn.say(turn.t.supported(titleOf(turn, p)), back);
  if (r.error.code === 'ALREADY_SUPPORTED') return turn.say(turn.t.alreadySupported(titleOf(turn, p)), back);
  turn.sayError(r.error, back);
}
