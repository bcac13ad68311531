import { appendAudit } from '../../audit/chain';
import type { Milestone, Proposal, ProposalStatus } from '../../model/proposal';
import { TRANSITIONS } from '../../model/proposal';
import type { ProjectUpdate } from '../../model/update';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Deps } from '../deps';
import { notifyMany } from '../fanout';

export interface UpdateInput {
  text: string;
  progress?: number | null;
  status?: ProposalStatus | null;
  photo?: string | null;
}

/**
 * An official posts progress on a project: text, optionally a new progress % and status. The project
 * changes and the followers' notifications (inline, or a fan-out job for a large audience, so the
 * request never waits for 100,000 rows) are written in one transaction. Returns the audience size.
 */
export async function postUpdate(
  deps: Deps,
  projectId: string,
  staffId: string,
  input: UpdateInput,
): Promise<Result<{ update: ProjectUpdate; project: Proposal; notified: number }>> {
  const text = input.text.trim();
  if (!text) return fail('INVALID_INPUT', 'an update needs a text');
  if (
    input.progress != null &&
    !(Number.isInteger(input.progress) && input.progress >= 0 && input.progress <= 100)
  )
    return fail('INVALID_INPUT', 'progress must be a whole number from 0 to 100');
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const p = await tx.proposals.get(projectId);
    if (!p) return fail('NOT_FOUND', 'project not found', { projectId });
    const status = input.status ?? p.status;
    if (status !== p.status && !TRANSITIONS[p.status].includes(status))
      return fail('INVALID_TRANSITION', `cannot move a ${p.status} project to ${status}`);
    const progress = status === 'completed' ? 100 : (input.progress ?? p.progress);
    const project: Proposal = { ...p, status, progress, updatedAt: now };
    const update: ProjectUpdate = {
      id: deps.ids.next('up'),
      projectId,
      authorId: staffId,
      text,
      progress: input.progress ?? null,
      status: input.status ?? null,
      photo: input.photo ?? null,
      createdAt: now,
    };
    await tx.proposals.save(project);
    await tx.updates.save(update);
    if (status !== p.status)
      await appendAudit(
        tx.audit,
        'project.status',
        { projectId, from: p.status, to: status, by: staffId },
        now,
      );
    const followers = await tx.follows.followers({ kind: 'project', id: projectId });
    const notified = await notifyMany(tx, deps, followers, 'project.update', {
      projectId,
      updateId: update.id,
      text,
      progress: project.progress,
      status,
    });
    return ok({ update, project, notified });
  });
}

export async function setMilestones(
  deps: Deps,
  projectId: string,
  milestones: Milestone[],
): Promise<Result<Proposal>> {
  if (milestones.some((m) => !m.title.trim())) return fail('INVALID_INPUT', 'every milestone needs a title');
  return deps.store.transaction(async (tx) => {
    const p = await tx.proposals.get(projectId);
    if (!p) return fail('NOT_FOUND', 'project not found', { projectId });
    const next = { ...p, milestones, updatedAt: deps.clock.now() };
    await tx.proposals.save(next);
    return ok(next);
  });
}
