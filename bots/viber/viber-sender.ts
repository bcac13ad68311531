import type { Reply } from '../dialog/types';
import type { ChannelSender, SendOutcome } from '../outbox/channel-sender';
import type { ViberClient, ViberSenderInfo } from './viber-client';
import { VIBER_STATUS, ViberApiError } from './viber-client';
import type { MediaUrl } from './viber-render';
import { renderReplies } from './viber-render';

/** Viber cuts the sender name at 28 characters; do it here so every message shows the same name. */
export const MAX_SENDER_NAME = 28;

/**
 * A hint for account-level failures (token revoked, account blocked or suspended, webhook not set):
 * nothing the citizen did, and every send fails until an operator fixes it, so notifications wait
 * instead of being dropped, without hammering Viber meanwhile.
 */
export const ACCOUNT_PROBLEM_RETRY_MS = 60_000;

const ACCOUNT_PROBLEMS: ReadonlySet<number> = new Set([
  VIBER_STATUS.invalidAuthToken,
  VIBER_STATUS.publicAccountBlocked,
  VIBER_STATUS.publicAccountNotFound,
  VIBER_STATUS.publicAccountSuspended,
  VIBER_STATUS.webhookNotSet,
]);

/**
 * A failed call -> what the outbox should do. `blocked`: the receiver is not subscribed (6: they
 * unsubscribed or never subscribed) or not on Viber at all (5); `retry`: HTTP 429/5xx/408, network
 * errors, Viber's rate control (12) and account-level problems; `rejected`: anything else this
 * message can never pass (bad data, an app too old for it, unknown codes).
 */
export function classifyViberError(e: unknown): SendOutcome {
  if (!(e instanceof ViberApiError))
    return { ok: false, kind: 'retry', error: e instanceof Error ? e.message : String(e) };
  const error = e.message;
  if (e.kind === 'status') {
    const s = e.status;
    if (s === VIBER_STATUS.receiverNotSubscribed || s === VIBER_STATUS.receiverNotRegistered)
      return { ok: false, kind: 'blocked', error };
    if (s === VIBER_STATUS.tooManyRequests) return { ok: false, kind: 'retry', error };
    if (s !== undefined && ACCOUNT_PROBLEMS.has(s))
      return { ok: false, kind: 'retry', error, retryAfterMs: ACCOUNT_PROBLEM_RETRY_MS };
    return { ok: false, kind: 'rejected', error };
  }
  if (e.retryable)
    return e.retryAfterMs !== undefined
      ? { ok: false, kind: 'retry', error, retryAfterMs: e.retryAfterMs }
      : { ok: false, kind: 'retry', error };
  return { ok: false, kind: 'rejected', error };
}

export interface ViberSenderOptions {
  /** Shown as the author of every message (Viber requires it on each `send_message`). */
  senderName: string;
  senderAvatar?: string;
  /** Publishes a PNG (the results chart) at a public URL; without it the text alternative is sent. */
  mediaUrl?: MediaUrl;
}

/**
 * Sends replies to one Viber user: the webhook's answers and the outbox's pushes alike. Messages go
 * one after the other, in order; the first failure stops the batch and is classified (a retried
 * batch may repeat its first parts: Viber has no idempotency key).
 */
export class ViberSender implements ChannelSender {
  readonly channel = 'viber' as const;
  private readonly sender: ViberSenderInfo;

  constructor(
    private readonly client: ViberClient,
    private readonly o: ViberSenderOptions,
  ) {
    const name = Array.from(o.senderName.trim() || 'Agora')
      .slice(0, MAX_SENDER_NAME)
      .join('');
    this.sender = o.senderAvatar ? { name, avatar: o.senderAvatar } : { name };
  }

  get senderInfo(): ViberSenderInfo {
    return this.sender;
  }

  async send(userId: string, replies: readonly Reply[]): Promise<SendOutcome> {
    const messages = await renderReplies(replies, { mediaUrl: this.o.mediaUrl });
    try {
      for (const m of messages)
        await this.client.sendMessage({ ...m, receiver: userId, sender: this.sender });
      return { ok: true };
    } catch (e) {
      return classifyViberError(e);
    }
  }
}
