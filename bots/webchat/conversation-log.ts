import type { Clock } from '../../core/shared/clock';
import type { DirectLineActivity } from './activity';

/**
 * Bounds of the in-memory Direct Line state. The log is a transport buffer, not the record: the
 * citizen's journey lives in the store (the engine saves it every turn), so a conversation lost to
 * a bound or a restart costs the transcript on screen, never the citizen's progress.
 */
export interface ConversationLimits {
  /** Activities kept per conversation; older ones are dropped (a client far behind skips them). */
  maxActivities: number;
  /** Conversations kept; the least recently used goes first. */
  maxConversations: number;
  /** A conversation without an open stream and untouched this long is forgotten. */
  idleMs: number;
  /** A conversation polled this recently counts as live for proactive messages. */
  liveMs: number;
  /** Proactive messages held per user with no live conversation (oldest dropped beyond). */
  maxHeld: number;
  /** How long held messages wait for the user to come back. */
  heldTtlMs: number;
  /** Users with held messages (least recent dropped beyond). */
  maxHeldUsers: number;
  /** Client activity ids remembered per conversation to drop a retried post. */
  maxClientIds: number;
}

export const DEFAULT_LIMITS: ConversationLimits = {
  maxActivities: 300,
  maxConversations: 5_000,
  idleMs: 24 * 60 * 60 * 1000,
  liveMs: 30_000,
  maxHeld: 20,
  heldTtlMs: 14 * 24 * 60 * 60 * 1000,
  maxHeldUsers: 10_000,
  maxClientIds: 100,
};

/** One message of a WebSocket stream, or the answer of a poll. */
export interface ActivitySet {
  activities: DirectLineActivity[];
  watermark: string;
}

/** An open stream of a conversation. */
export interface Listener {
  push(set: ActivitySet): void;
  close(reason: string): void;
}

/** What a caller appends: the transport fields (id, time, conversation) are filled in here. */
export type NewActivity = Omit<DirectLineActivity, 'id' | 'timestamp' | 'channelId' | 'conversation'>;

interface Entry {
  seq: number;
  activity: DirectLineActivity;
}

export class DirectLineConversation {
  readonly entries: Entry[] = [];
  readonly listeners = new Set<Listener>();
  /** clientActivityID -> the id we gave that post. */
  readonly clientIds = new Map<string, string>();
  seq = 0;
  lastTimestamp = 0;
  lastUsedMs: number;
  lastPolledMs = Number.NEGATIVE_INFINITY;
  /** Turns of this conversation run one after the other, in arrival order. */
  queue: Promise<void> = Promise.resolve();
  /** Turns queued and not finished. */
  pending = 0;

  constructor(
    readonly id: string,
    readonly userId: string,
    public locale: string | undefined,
    now: number,
  ) {
    this.lastUsedMs = now;
  }
}

/**
 * Direct Line conversations in memory: their activity logs with watermarks, their open streams, and
 * the proactive messages held for users who are away. One instance only: behind a load balancer,
 * route `/v3/directline` of a conversation to one instance (sticky sessions) or keep one instance.
 */
export class ConversationLog {
  private readonly convs = new Map<string, DirectLineConversation>();
  private readonly byUser = new Map<string, Set<string>>();
  private readonly held = new Map<string, { activity: NewActivity; atMs: number }[]>();

  constructor(
    private readonly clock: Clock,
    readonly limits: ConversationLimits = DEFAULT_LIMITS,
  ) {}

  private nowMs(): number {
    return this.clock.now().getTime();
  }

  get size(): number {
    return this.convs.size;
  }

  get(id: string): DirectLineConversation | undefined {
    return this.convs.get(id);
  }

  /**
   * The conversation `id` of `userId`, created when unknown (first start, or after a restart or an
   * eviction: the signed token proves it is theirs). Null when it belongs to someone else. Messages
   * held for the user are delivered into it.
   */
  open(id: string, userId: string, locale?: string): DirectLineConversation | null {
    let c = this.convs.get(id);
    if (c && c.userId !== userId) return null;
    if (!c) {
      c = new DirectLineConversation(id, userId, locale, this.nowMs());
      this.convs.set(id, c);
      let ids = this.byUser.get(userId);
      if (!ids) this.byUser.set(userId, (ids = new Set()));
      ids.add(id);
      this.evictBeyondLimit();
    } else {
      // Map order is the LRU order: re-inserting moves it to the young end.
      this.convs.delete(id);
      this.convs.set(id, c);
      if (locale) c.locale = locale;
    }
    c.lastUsedMs = this.nowMs();
    this.deliverHeld(c);
    return c;
  }

  append(c: DirectLineConversation, a: NewActivity): DirectLineActivity {
    c.seq += 1;
    // Strictly increasing times: Web Chat orders by timestamp, and a test clock may stand still.
    const ts = Math.max(this.nowMs(), c.lastTimestamp + 1);
    c.lastTimestamp = ts;
    const activity: DirectLineActivity = {
      ...a,
      id: `${c.id}|${String(c.seq).padStart(7, '0')}`,
      timestamp: new Date(ts).toISOString(),
      channelId: 'directline',
      conversation: { id: c.id },
    };
    c.entries.push({ seq: c.seq, activity });
    if (c.entries.length > this.limits.maxActivities)
      c.entries.splice(0, c.entries.length - this.limits.maxActivities);
    const set = { activities: [activity], watermark: String(c.seq) };
    for (const l of c.listeners) l.push(set);
    return activity;
  }

  /** Activities after `watermark` (all for an empty or unreadable one). */
  since(c: DirectLineConversation, watermark: string | undefined): ActivitySet {
    const w = watermark && /^\d+$/.test(watermark) ? Number(watermark) : 0;
    return {
      activities: c.entries.filter((e) => e.seq > w).map((e) => e.activity),
      watermark: String(c.seq),
    };
  }

  markPolled(c: DirectLineConversation): void {
    c.lastPolledMs = this.nowMs();
    c.lastUsedMs = c.lastPolledMs;
  }

  subscribe(c: DirectLineConversation, l: Listener): () => void {
    c.listeners.add(l);
    return () => {
      c.listeners.delete(l);
      c.lastUsedMs = this.nowMs();
    };
  }

  /** The user's conversations someone is watching now: an open stream, or a recent poll. */
  live(userId: string): DirectLineConversation[] {
    const now = this.nowMs();
    return [...(this.byUser.get(userId) ?? [])]
      .map((id) => this.convs.get(id))
      .filter(
        (c): c is DirectLineConversation =>
          !!c && (c.listeners.size > 0 || now - c.lastPolledMs <= this.limits.liveMs),
      );
  }

  /** Keeps proactive messages for a user who is away, until one of their conversations opens. */
  hold(userId: string, activities: readonly NewActivity[]): void {
    const atMs = this.nowMs();
    const list = this.held.get(userId) ?? [];
    this.held.delete(userId);
    list.push(...activities.map((activity) => ({ activity, atMs })));
    if (list.length > this.limits.maxHeld) list.splice(0, list.length - this.limits.maxHeld);
    this.held.set(userId, list);
    while (this.held.size > this.limits.maxHeldUsers) {
      const oldest = this.held.keys().next().value;
      if (oldest === undefined) break;
      this.held.delete(oldest);
    }
  }

  heldFor(userId: string): number {
    return this.held.get(userId)?.length ?? 0;
  }

  private deliverHeld(c: DirectLineConversation): void {
    const list = this.held.get(c.userId);
    if (!list) return;
    this.held.delete(c.userId);
    const fresh = this.nowMs() - this.limits.heldTtlMs;
    for (const h of list) if (h.atMs >= fresh) this.append(c, h.activity);
  }

  /** Forgets idle conversations and stale held messages; run every minute or so. */
  sweep(): void {
    const now = this.nowMs();
    for (const c of [...this.convs.values()])
      if (c.listeners.size === 0 && now - c.lastUsedMs > this.limits.idleMs) this.drop(c, 'idle');
    for (const [user, list] of this.held) {
      const kept = list.filter((h) => now - h.atMs <= this.limits.heldTtlMs);
      if (kept.length) this.held.set(user, kept);
      else this.held.delete(user);
    }
  }

  /** Closes every stream (shutdown). */
  closeAll(reason: string): void {
    for (const c of this.convs.values()) for (const l of [...c.listeners]) l.close(reason);
  }

  private evictBeyondLimit(): void {
    for (const c of this.convs.values()) {
      if (this.convs.size <= this.limits.maxConversations) return;
      this.drop(c, 'evicted');
    }
  }

  private drop(c: DirectLineConversation, reason: string): void {
    for (const l of [...c.listeners]) l.close(reason);
    this.convs.delete(c.id);
    const ids = this.byUser.get(c.userId);
    ids?.delete(c.id);
    if (ids && ids.size === 0) this.byUser.delete(c.userId);
  }
}
