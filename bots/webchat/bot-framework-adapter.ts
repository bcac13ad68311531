/**
 * The only file that imports botbuilder (archived upstream): replacing it with the Microsoft 365
 * Agents SDK means rewriting this file, not the Direct Line, the rendering or the mapping.
 */
import express, { Router } from 'express';
import type { Request, Response } from 'express';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  TurnContext,
} from 'botbuilder';
import type { Activity, ConversationReference } from 'botbuilder';
import type { ProcessedUpdateStore } from '../../core/ports/conversation-store';
import type { Clock } from '../../core/shared/clock';
import type { DialogEngine } from '../dialog/engine';
import type { Reply } from '../dialog/types';
import type { SendOutcome } from '../outbox/channel-sender';
import type { WebchatLogger } from './direct-line-service';
import { toIncomingMessage } from './map-activity';
import { HERO_CARD_ABOVE, renderActivities } from './render-activities';

export const MESSAGES_PATH = '/api/messages';
/** Conversation references kept for proactive messages (least recently seen dropped beyond). */
export const MAX_REFERENCES = 10_000;

export interface BotFrameworkOptions {
  engine: Pick<DialogEngine, 'handle'>;
  stores: { processedUpdates: ProcessedUpdateStore };
  clock: Clock;
  logger: WebchatLogger;
  /** MICROSOFT_APP_ID / MICROSOFT_APP_PASSWORD: both set = authenticated, else anonymous (local). */
  appId?: string;
  appPassword?: string;
  /** Set for a single-tenant Azure Bot (Azure no longer creates multi-tenant ones). */
  appTenantId?: string;
}

/**
 * Citizens met through the Bot Framework connector (Azure Web Chat, Teams, the Emulator) are
 * `webchat` identities named `<channelId>:<from.id>`: ids of different Azure channels cannot collide,
 * and none can pass for a self-hosted Direct Line user (whose ids never contain a colon).
 */
export const botFrameworkExternalId = (channelId: string, fromId: string): string => `${channelId}:${fromId}`;
export const isBotFrameworkExternalId = (externalId: string): boolean => externalId.includes(':');

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for a serviceUrl on this machine: the only place an anonymous bot may be told to answer. */
export function isLoopbackUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK.has(u.hostname);
  } catch {
    return false;
  }
}

/** The turn logic: `message` activities go to the engine, the rest is acknowledged. */
class AgoraBot extends ActivityHandler {
  constructor(onMessage: (ctx: TurnContext) => Promise<void>) {
    super();
    this.onMessage(async (ctx, next) => {
      await onMessage(ctx);
      await next();
    });
  }
}

/**
 * `POST /api/messages` through botbuilder's CloudAdapter, so the same bot serves Azure Bot Service
 * channels. Authenticated when an app id and password are configured; anonymous otherwise, for the
 * Bot Framework Emulator. Anonymous mode accepts only activities whose serviceUrl is on this machine:
 * the adapter posts its replies to that URL, and an open endpoint must not be usable to make the
 * server send requests anywhere.
 */
export class BotFrameworkChannel {
  readonly adapter: CloudAdapter;
  readonly anonymous: boolean;
  private readonly bot: AgoraBot;
  private readonly appId: string;
  private readonly references = new Map<string, Partial<ConversationReference>>();

  constructor(private readonly o: BotFrameworkOptions) {
    this.anonymous = !(o.appId && o.appPassword);
    this.appId = this.anonymous ? '' : (o.appId ?? '');
    const credentials = new ConfigurationServiceClientCredentialFactory(
      this.anonymous
        ? {}
        : {
            MicrosoftAppId: o.appId,
            MicrosoftAppPassword: o.appPassword,
            MicrosoftAppType: o.appTenantId ? 'SingleTenant' : 'MultiTenant',
            ...(o.appTenantId ? { MicrosoftAppTenantId: o.appTenantId } : {}),
          },
    );
    const auth = new ConfigurationBotFrameworkAuthentication(
      this.anonymous
        ? {}
        : { MicrosoftAppId: o.appId, ...(o.appTenantId ? { MicrosoftAppTenantId: o.appTenantId } : {}) },
      credentials,
    );
    this.adapter = new CloudAdapter(auth);
    this.adapter.onTurnError = async (ctx, err) => {
      o.logger.error({ err, channelId: ctx.activity.channelId }, 'bot framework turn failed');
    };
    this.bot = new AgoraBot((ctx) => this.onMessage(ctx));
  }

  router(): Router {
    const r = Router();
    r.post(MESSAGES_PATH, express.json({ limit: '256kb' }), async (req: Request, res: Response) => {
      if (this.anonymous && !isLoopbackUrl((req.body as { serviceUrl?: unknown } | undefined)?.serviceUrl)) {
        res.status(403).json({
          error: {
            code: 'Forbidden',
            message: 'without MICROSOFT_APP_ID the bot answers local serviceUrls only',
          },
        });
        return;
      }
      try {
        await this.adapter.process(req, res, (ctx) => this.bot.run(ctx));
      } catch (err) {
        this.o.logger.error({ err }, 'bot framework request failed');
        if (!res.headersSent) res.status(500).json({ error: { code: 'ServiceError', message: 'failed' } });
      }
    });
    return r;
  }

  private async onMessage(ctx: TurnContext): Promise<void> {
    const a = ctx.activity;
    if (!a.from?.id || !a.channelId) return;
    // The connector retries a post it got no answer to; a retried vote must not count twice.
    if (
      a.id &&
      !(await this.o.stores.processedUpdates.claim(
        `bf:${a.channelId}:${a.conversation?.id}:${a.id}`,
        this.o.clock.now(),
      ))
    )
      return;
    const externalId = botFrameworkExternalId(a.channelId, a.from.id);
    this.remember(externalId, TurnContext.getConversationReference(a));
    const msg = toIncomingMessage(a, externalId);
    if (!msg) return;
    const replies = await this.o.engine.handle(msg);
    await ctx.sendActivities(this.activities(replies));
  }

  private activities(replies: readonly Reply[]): Partial<Activity>[] {
    return renderActivities(replies, { heroCardAbove: HERO_CARD_ABOVE }) as Partial<Activity>[];
  }

  private remember(externalId: string, ref: Partial<ConversationReference>): void {
    this.references.delete(externalId);
    this.references.set(externalId, ref);
    if (this.references.size > MAX_REFERENCES) {
      const oldest = this.references.keys().next().value;
      if (oldest !== undefined) this.references.delete(oldest);
    }
  }

  /**
   * A proactive message to a citizen met through the connector, in the conversation they last
   * wrote from. References live in memory: until the citizen writes again after a restart, there
   * is nowhere to send, and the outbox is told to retry.
   */
  async sendProactive(externalId: string, replies: readonly Reply[]): Promise<SendOutcome> {
    const ref = this.references.get(externalId);
    if (!ref)
      return { ok: false, kind: 'retry', error: 'no Bot Framework conversation known for this citizen yet' };
    // Caught inside the logic: the adapter would hand a failure to onTurnError and report success.
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.appId, ref, async (ctx) => {
        try {
          await ctx.sendActivities(this.activities(replies));
        } catch (e) {
          failure = e;
        }
      });
    } catch (e) {
      failure = e;
    }
    return failure === undefined ? { ok: true } : classifyConnectorError(failure);
  }
}

/** A connector failure -> what the outbox should do. */
export function classifyConnectorError(e: unknown): SendOutcome {
  const status = (e as { statusCode?: unknown }).statusCode;
  const error = e instanceof Error ? e.message : String(e);
  if (typeof status !== 'number' || status >= 500 || status === 408)
    return { ok: false, kind: 'retry', error };
  if (status === 429) {
    const after = Number(
      (e as { response?: { headers?: { get?(n: string): string | undefined } } }).response?.headers?.get?.(
        'retry-after',
      ),
    );
    return Number.isFinite(after) && after > 0
      ? { ok: false, kind: 'retry', error, retryAfterMs: after * 1000 }
      : { ok: false, kind: 'retry', error };
  }
  // The bot was removed from the conversation, or the user left the tenant: final.
  if (status === 403 || status === 404) return { ok: false, kind: 'blocked', error };
  return { ok: false, kind: 'rejected', error };
}
