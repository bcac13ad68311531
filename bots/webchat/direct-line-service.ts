import { randomBytes } from 'node:crypto';
import type { DialogEngine } from '../dialog/engine';
import type { Reply } from '../dialog/types';
import type { ChannelAccount, DirectLineActivity } from './activity';
import type { ConversationLog, DirectLineConversation, NewActivity } from './conversation-log';
import type { DirectLineTokens, TokenClaims } from './direct-line-token';
import { newConversationId, newUserId } from './direct-line-token';
import { toIncomingMessage } from './map-activity';
import { renderActivities } from './render-activities';

export interface WebchatLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A refusal in Direct Line's error shape (`{ error: { code, message } }`) with its HTTP status. */
export interface DirectLineError {
  status: 400 | 401 | 403 | 404 | 413 | 429;
  code: string;
  message: string;
}

export const isError = (v: unknown): v is DirectLineError =>
  typeof v === 'object' && v !== null && 'status' in v && 'code' in v;

export interface Conversation {
  conversationId: string;
  token: string;
  expires_in: number;
}

/** Longest text accepted in a post (the engine answers longer than its own limit with a sentence). */
export const MAX_POST_TEXT = 10_000;
/** Turns waiting per conversation; a client posting faster than the engine answers is told to slow down. */
export const MAX_PENDING_TURNS = 10;
/** channelData echoed back to the client (Web Chat's clientActivityID, postBack flags) is kept small. */
const MAX_CHANNEL_DATA_CHARS = 2_000;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The self-hosted Direct Line, without HTTP: tokens, conversations, the user's posts run through
 * the engine, the bot's replies and proactive messages appended to the log (and so pushed to open
 * streams). It calls the engine directly rather than looping through `/api/messages`: no second
 * HTTP hop, no connector client, no serviceUrl to trust, and it keeps working when botbuilder goes.
 */
export class DirectLineService {
  readonly bot: ChannelAccount = { id: 'agora', name: 'Agora', role: 'bot' };
  private readonly inflight = new Set<Promise<void>>();

  constructor(
    private readonly engine: Pick<DialogEngine, 'handle'>,
    readonly tokens: DirectLineTokens,
    readonly log: ConversationLog,
    private readonly logger: WebchatLogger,
  ) {}

  /**
   * `POST /tokens/generate`. A browser's first visit gets a new user id and the ticket proving it;
   * later visits show the ticket to stay the same citizen. An id cannot be claimed without it: a
   * wrong or expired ticket is refused (the page then starts afresh). `conversationId` resumes a
   * conversation of the same user (a page reload); anything else starts a new one.
   */
  generate(body: unknown): (Conversation & { ticket: string; user: { id: string } }) | DirectLineError {
    const b = isRecord(body) ? body : {};
    let userId: string;
    if (typeof b.ticket === 'string' && b.ticket) {
      const proven = this.tokens.verifyTicket(b.ticket);
      if (!proven)
        return { status: 403, code: 'BadTicket', message: 'the user ticket is invalid or expired' };
      userId = proven;
    } else userId = newUserId();
    const wanted = typeof b.conversationId === 'string' ? this.log.get(b.conversationId) : undefined;
    const conversationId = wanted && wanted.userId === userId ? wanted.id : newConversationId();
    return {
      conversationId,
      ...this.tokens.issue(userId, conversationId),
      ticket: this.tokens.issueTicket(userId),
      user: { id: userId },
    };
  }

  /**
   * The claims of a `Bearer` token, checked against the conversation of the route when there is one.
   * 401 without credentials; 403 for a bad, expired or foreign token (DirectLineJS treats 403 as
   * "expired token" and the page fetches a new one).
   */
  authorize(header: string | undefined, conversationId?: string): TokenClaims | DirectLineError {
    const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!m?.[1]) return { status: 401, code: 'Unauthorized', message: 'a Bearer token is required' };
    return this.check(m[1], conversationId);
  }

  /** Checks a token (from a header or a stream URL) for `conversationId`. */
  check(token: string, conversationId?: string): TokenClaims | DirectLineError {
    const v = this.tokens.verify(token);
    if (!v.ok)
      return v.reason === 'expired'
        ? { status: 403, code: 'TokenExpired', message: 'the token has expired' }
        : { status: 403, code: 'BadToken', message: 'the token is not valid' };
    if (conversationId !== undefined && v.claims.conv !== conversationId)
      return { status: 403, code: 'Forbidden', message: 'the token is for another conversation' };
    return v.claims;
  }

  /** `POST /tokens/refresh`: a valid token buys a new one for the same conversation and user. */
  refresh(claims: TokenClaims): Conversation {
    return { conversationId: claims.conv, ...this.tokens.issue(claims.user, claims.conv) };
  }

  /** The token's conversation, opened (created if unknown) for its user. */
  open(claims: TokenClaims, locale?: string): DirectLineConversation | DirectLineError {
    return (
      this.log.open(claims.conv, claims.user, locale) ?? {
        status: 403,
        code: 'Forbidden',
        message: 'the conversation belongs to another user',
      }
    );
  }

  /**
   * `POST /conversations/{id}/activities`: echoes the user's activity into the log (Web Chat marks
   * a message sent when it sees the echo) and queues the engine turn. The answer does not wait for
   * the turn: the replies come through the stream or the next poll, as with Azure's Direct Line.
   * A retried post (same `channelData.clientActivityID`) gets the first id and is not run again.
   */
  receive(c: DirectLineConversation, body: unknown): { id: string } | DirectLineError {
    if (!isRecord(body) || typeof body.type !== 'string')
      return { status: 400, code: 'BadArgument', message: 'an activity with a type is expected' };
    if (body.type !== 'message') {
      // Typing and events have nothing for the engine; they are acknowledged, not stored.
      return { id: `${c.id}|x${randomBytes(6).toString('hex')}` };
    }
    if (body.text !== undefined && (typeof body.text !== 'string' || body.text.length > MAX_POST_TEXT))
      return {
        status: 400,
        code: 'BadArgument',
        message: `text must be a string of at most ${MAX_POST_TEXT} characters`,
      };
    const channelData = isRecord(body.channelData) ? body.channelData : undefined;
    const clientId =
      typeof channelData?.clientActivityID === 'string' ? channelData.clientActivityID : undefined;
    const seen = clientId !== undefined ? c.clientIds.get(clientId) : undefined;
    if (seen) return { id: seen };
    if (c.pending >= MAX_PENDING_TURNS)
      return {
        status: 429,
        code: 'TooManyRequests',
        message: 'wait for the answers to the previous messages',
      };

    const claimed = isRecord(body.from) ? body.from.name : undefined;
    const name = typeof claimed === 'string' ? claimed.slice(0, 100) : undefined;
    const echo: NewActivity = {
      type: 'message',
      // The sender is the token's user, whatever `from.id` the body claims.
      from: { id: c.userId, role: 'user', ...(name ? { name } : {}) },
      recipient: this.bot,
      ...(typeof body.text === 'string' ? { text: body.text } : {}),
      ...(typeof body.textFormat === 'string' ? { textFormat: body.textFormat } : {}),
      ...(typeof body.locale === 'string' ? { locale: body.locale.slice(0, 20) } : {}),
      ...(body.value !== undefined && JSON.stringify(body.value).length <= MAX_CHANNEL_DATA_CHARS
        ? { value: body.value }
        : {}),
      ...(channelData && JSON.stringify(channelData).length <= MAX_CHANNEL_DATA_CHARS ? { channelData } : {}),
    };
    const stored = this.log.append(c, echo);
    if (clientId !== undefined) {
      c.clientIds.set(clientId, stored.id);
      if (c.clientIds.size > this.log.limits.maxClientIds) {
        const oldest = c.clientIds.keys().next().value;
        if (oldest !== undefined) c.clientIds.delete(oldest);
      }
    }
    if (typeof body.locale === 'string' && body.locale) c.locale = body.locale.slice(0, 20);
    this.runTurn(c, stored);
    return { id: stored.id };
  }

  private runTurn(c: DirectLineConversation, activity: DirectLineActivity): void {
    const msg = toIncomingMessage(activity, c.userId, c.locale);
    if (!msg) return;
    c.pending += 1;
    const turn = c.queue.then(async () => {
      const replies = await this.engine.handle(msg);
      for (const a of renderActivities(replies))
        this.log.append(c, {
          ...a,
          from: this.bot,
          recipient: { id: c.userId, role: 'user' },
          replyToId: activity.id,
        });
    });
    c.queue = turn
      .catch((err: unknown) => this.logger.error({ err, conversation: c.id }, 'web chat turn failed'))
      .finally(() => {
        c.pending -= 1;
      });
    const tracked = c.queue.finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
  }

  /**
   * A proactive message: appended to every conversation of the user someone is watching (open
   * stream, recent poll), else held until the user opens one. Held messages live in memory, so a
   * restart loses them; they are reported delivered all the same (see README: the alternative,
   * `retry`, would have the outbox give up after hours while a web citizen returns days later).
   */
  deliver(userId: string, replies: readonly Reply[]): 'live' | 'held' {
    const activities = renderActivities(replies).map((a): NewActivity => ({
      ...a,
      from: this.bot,
      recipient: { id: userId, role: 'user' },
    }));
    const live = this.log.live(userId);
    if (!live.length) {
      this.log.hold(userId, activities);
      return 'held';
    }
    for (const c of live) for (const a of activities) this.log.append(c, a);
    return 'live';
  }

  /** Resolves once every queued turn has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight]);
  }
}
