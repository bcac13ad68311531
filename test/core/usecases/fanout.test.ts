import { expandFanout, INLINE_RECIPIENTS } from '../../../core/usecases/fanout';
import { postUpdate } from '../../../core/usecases/proposals/implementation';
import { unwrap } from '../../../core/shared/result';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeWithProjects } from '../../support/scenario';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

async function followers(projectId: string, n: number): Promise<void> {
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const id = `ct_f${i}`;
      await tx.citizens.create({
        id,
        identities: [
          { channel: 'telegram', externalId: `f${i}`, linkedAt: now, lastSeenAt: now, unreachable: false },
        ],
        locale: 'en',
        consentAt: now,
        verification: 'none',
        phoneHash: null,
        notifications: true,
        createdAt: now,
        erasedAt: null,
      });
      await tx.follows.save({
        citizenId: id,
        target: { kind: 'project', id: projectId },
        auto: false,
        active: true,
        updatedAt: now,
      });
    }
  });
}

describe('fan-out of large audiences', () => {
  it('writes a job instead of rows above the inline limit, and expands it into one row per follower', async () => {
    const { projects } = await aChallengeWithProjects(deps, 'implementation', [10]);
    // The author follows their project too: one more than the followers added here.
    const n = INLINE_RECIPIENTS + 250 + 1;
    await followers(projects[0]!, n - 1);
    const before = (await deps.store.outbox.countByState()).pending;
    const r = unwrap(await postUpdate(deps, projects[0]!, 'staff_1', { text: 'Works started' }));
    expect(r.notified).toBe(n);
    expect((await deps.store.outbox.countByState()).pending).toBe(before);
    expect(await deps.store.fanout.countPending()).toBe(1);

    expect(await expandFanout(deps, 300)).toBe(n);
    expect((await deps.store.outbox.countByState()).pending).toBe(before + n);
    expect(await deps.store.fanout.countPending()).toBe(0);
    expect(await expandFanout(deps)).toBe(0);
  });

  it('resumes after a crash from the last committed chunk, without duplicates', async () => {
    const { projects } = await aChallengeWithProjects(deps, 'implementation', [10]);
    const n = INLINE_RECIPIENTS + 100 + 1;
    await followers(projects[0]!, n - 1);
    const before = (await deps.store.outbox.countByState()).pending;
    unwrap(await postUpdate(deps, projects[0]!, 'staff_1', { text: 'Half way' }));
    // A worker that dies after its first chunk: its progress committed with its rows, its lease stays.
    const job = await deps.store.fanout.claim(
      deps.clock.now(),
      new Date(deps.clock.now().getTime() + 60_000),
    );
    const firstChunk = await deps.store.transaction(async (tx) => {
      const { notifyCitizens } = await import('../../../core/usecases/notify');
      const w = await notifyCitizens(tx, deps, job!.recipients.slice(0, 200), job!.kind, job!.payload);
      await tx.fanout.advance(job!.id, 200, deps.clock.now());
      return w;
    });
    expect(await expandFanout(deps)).toBe(0); // still leased
    deps.clock.advance(61_000);
    expect(firstChunk + (await expandFanout(deps, 250))).toBe(n);
    const rows = await deps.store.outbox.countByState();
    expect(rows.pending - before).toBe(n);
  });
});
