import type { Reply } from '../dialog/types';
import type { ChannelSender, SendOutcome } from '../outbox/channel-sender';
import type { BotFrameworkChannel } from './bot-framework-adapter';
import { isBotFrameworkExternalId } from './bot-framework-adapter';
import type { DirectLineService } from './direct-line-service';

/**
 * Outbox notifications for `webchat` citizens. Self-hosted Direct Line users get them in every
 * conversation they have open (pushed on its stream, or seen by the next poll), or held in memory
 * until they come back; either way the send succeeded, so the outbox does not retry. Citizens met
 * through the Bot Framework connector (ids `<channelId>:<id>`) get them through the adapter.
 */
export class WebchatSender implements ChannelSender {
  readonly channel = 'webchat' as const;

  constructor(
    private readonly directLine: DirectLineService,
    private readonly botFramework?: Pick<BotFrameworkChannel, 'sendProactive'>,
  ) {}

  async send(externalId: string, replies: readonly Reply[]): Promise<SendOutcome> {
    if (isBotFrameworkExternalId(externalId))
      return this.botFramework
        ? this.botFramework.sendProactive(externalId, replies)
        : { ok: false, kind: 'retry', error: 'the Bot Framework adapter is not enabled' };
    this.directLine.deliver(externalId, replies);
    return { ok: true };
  }
}
