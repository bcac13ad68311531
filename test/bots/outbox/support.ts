import type { Channel } from '../../../core/model/citizen';
import type { Locale } from '../../../core/model/locale';
import { unwrap } from '../../../core/shared/result';
import { identifyCitizen } from '../../../core/usecases/citizens/identify';
import type { Deps } from '../../../core/usecases/deps';
import { follow } from '../../../core/usecases/engagement/follow';
import { postUpdate } from '../../../core/usecases/proposals/implementation';
import type { ChannelSender, SendOutcome } from '../../../bots/outbox/channel-sender';
import type { Reply } from '../../../bots/dialog/types';
import type { TestClock } from '../../support/deps';
import { aChallengeWithProjects } from '../../support/scenario';

export interface SentMessage {
  externalId: string;
  text: string;
  /** The test clock when the sender was called (epoch ms). */
  at: number;
}

/** Decides the outcome of one call; `nth` counts this chat's calls from 0. */
export type Script = (externalId: string, nth: number) => SendOutcome;

/** A ChannelSender that records every call and answers what its script says (accepts by default). */
export class FakeSender implements ChannelSender {
  readonly sent: SentMessage[] = [];
  private readonly calls = new Map<string, number>();

  constructor(
    readonly channel: Channel,
    private readonly clock: TestClock,
    public script: Script = () => ({ ok: true }),
  ) {}

  async send(externalId: string, replies: readonly Reply[]): Promise<SendOutcome> {
    const nth = this.calls.get(externalId) ?? 0;
    this.calls.set(externalId, nth + 1);
    this.sent.push({
      externalId,
      text: replies.map((r) => r.text).join('\n'),
      at: this.clock.now().getTime(),
    });
    return this.script(externalId, nth);
  }

  callsTo(externalId: string): number {
    return this.calls.get(externalId) ?? 0;
  }
}

/**
 * Sleeping on the test clock: every sleeper is woken in time order once everything else has run
 * (setImmediate comes after all pending promise work), and the clock jumps to its wake-up time. Many
 * chats can wait at once, as with real timers, and each wakes exactly when it asked to.
 */
export class VirtualTime {
  private sleepers: { at: number; wake: () => void }[] = [];
  private scheduled = false;

  constructor(private readonly clock: TestClock) {}

  readonly sleep = (ms: number): Promise<void> =>
    new Promise((wake) => {
      this.sleepers.push({ at: this.clock.now().getTime() + ms, wake });
      this.schedule();
    });

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.sleepers.sort((a, b) => a.at - b.at);
      const first = this.sleepers.shift();
      if (!first) return;
      if (first.at > this.clock.now().getTime()) this.clock.set(new Date(first.at));
      first.wake();
      if (this.sleepers.length > 0) this.schedule();
    });
  }
}

/** A project in implementation and `n` followers on `channel` (external ids `<prefix>1..n`). */
export async function projectWithFollowers(
  deps: Deps,
  n: number,
  opts: { channel?: Channel; prefix?: string; locale?: Locale } = {},
): Promise<{ projectId: string; citizens: { id: string; externalId: string }[] }> {
  const { projects, author } = await aChallengeWithProjects(deps, 'voting', [10]);
  // The author (on the console) follows their project and was told it was accepted: keep only the
  // followers made here in the outbox.
  await deps.store.outbox.removeByCitizen(author);
  await deps.store.follows.removeByCitizen(author);
  const projectId = projects[0] as string;
  const citizens: { id: string; externalId: string }[] = [];
  for (let i = 1; i <= n; i++) {
    const externalId = `${opts.prefix ?? 'chat'}${i}`;
    const { citizen } = await identifyCitizen(deps, {
      channel: opts.channel ?? 'telegram',
      externalId,
      locale: opts.locale ?? 'en',
    });
    unwrap(await follow(deps, citizen.id, { kind: 'project', id: projectId }));
    citizens.push({ id: citizen.id, externalId });
  }
  return { projectId, citizens };
}

/** An official's update on the project; returns how many notifications were queued. */
export async function anUpdate(deps: Deps, projectId: string, text = 'Works started'): Promise<number> {
  return unwrap(await postUpdate(deps, projectId, 'staff_test', { text })).notified;
}
