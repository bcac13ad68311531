import type { Server } from 'node:http';
import type { Router } from 'express';
import type { ProcessedUpdateStore } from '../../core/ports/conversation-store';
import type { Clock } from '../../core/shared/clock';
import type { DialogEngine } from '../dialog/engine';
import type { ChannelSender } from '../outbox/channel-sender';
import { BotFrameworkChannel } from './bot-framework-adapter';
import { chatPageRouter } from './chat-page';
import type { ConversationLimits } from './conversation-log';
import { ConversationLog, DEFAULT_LIMITS } from './conversation-log';
import { directLineRouter } from './direct-line-router';
import type { WebchatLogger } from './direct-line-service';
import { DirectLineService } from './direct-line-service';
import type { DirectLineStream } from './direct-line-stream';
import { attachDirectLineStream } from './direct-line-stream';
import { DirectLineTokens, TOKEN_TTL_SECONDS } from './direct-line-token';
import { resolveWebchatSecret } from './webchat-secret';
import { WebchatSender } from './webchat-sender';

export interface WebchatOptions {
  engine: Pick<DialogEngine, 'handle'>;
  stores: { processedUpdates: ProcessedUpdateStore };
  clock: Clock;
  logger: WebchatLogger;
  /** PUBLIC_URL: the origin browsers use; stream URLs are built from it (else from each request). */
  publicUrl?: string;
  /** MICROSOFT_APP_ID / MICROSOFT_APP_PASSWORD (both, or the adapter is anonymous). */
  appId?: string;
  appPassword?: string;
  appTenantId?: string;
  /** Signs tokens and tickets; see webchat-secret.ts for the fallbacks. */
  secret?: string;
  /** A file holding the signing key (created when missing), used when `secret` is not given. */
  keyFile?: string;
  /** Sites allowed to frame /chat. */
  frameAncestors?: readonly string[];
  tokenTtlSeconds?: number;
  limits?: Partial<ConversationLimits>;
}

export interface Webchat {
  /** `/api/messages`, `/v3/directline/...`, `/chat`: mount before the app's JSON parser (each has its own). */
  routers: Router[];
  /** For the outbox dispatcher: proactive messages to `webchat` citizens. */
  sender: ChannelSender;
  /** Serves the Direct Line WebSocket streams on the HTTP server (call once it exists). */
  attachWebSocket(server: Server): void;
  /** Closes the streams and timers. */
  stop(): void;
  /** For tests and diagnostics. */
  readonly directLine: DirectLineService;
  readonly botFramework: BotFrameworkChannel;
}

/** How often idle conversations and stale held messages are swept. */
const SWEEP_MS = 60_000;

/** The web chat channel: Bot Framework adapter, self-hosted Direct Line with its stream, the /chat page. */
export function buildWebchat(o: WebchatOptions): Webchat {
  const secret = resolveWebchatSecret({ secret: o.secret, keyFile: o.keyFile, appPassword: o.appPassword });
  if (secret.source === 'generated')
    o.logger.warn(
      {},
      'web chat signing key generated for this process: browsers get new identities after a restart (configure a secret or key file)',
    );
  const tokens = new DirectLineTokens(secret.key, o.clock, o.tokenTtlSeconds ?? TOKEN_TTL_SECONDS);
  const log = new ConversationLog(o.clock, { ...DEFAULT_LIMITS, ...o.limits });
  const directLine = new DirectLineService(o.engine, tokens, log, o.logger);
  const botFramework = new BotFrameworkChannel({
    engine: o.engine,
    stores: o.stores,
    clock: o.clock,
    logger: o.logger,
    appId: o.appId,
    appPassword: o.appPassword,
    appTenantId: o.appTenantId,
  });
  o.logger.info(
    { auth: botFramework.anonymous ? 'anonymous' : 'app id', key: secret.source },
    'web chat channel ready',
  );

  const sweep = setInterval(() => log.sweep(), SWEEP_MS);
  sweep.unref();
  const streams: DirectLineStream[] = [];

  return {
    routers: [
      botFramework.router(),
      directLineRouter(directLine, o.publicUrl),
      chatPageRouter({ publicUrl: o.publicUrl, frameAncestors: o.frameAncestors }),
    ],
    sender: new WebchatSender(directLine, botFramework),
    attachWebSocket(server) {
      streams.push(attachDirectLineStream(server, directLine, o.logger));
    },
    stop() {
      clearInterval(sweep);
      for (const s of streams.splice(0)) s.close();
      log.closeAll('server stopping');
    },
    directLine,
    botFramework,
  };
}
