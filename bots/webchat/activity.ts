/**
 * The part of the Bot Framework activity schema Agora reads and writes. Declared here rather than
 * imported from botbuilder so that only `bot-framework-adapter.ts` depends on botbuilder: the
 * self-hosted Direct Line, the renderer and the mapping stay when the SDK is replaced.
 */

export interface ChannelAccount {
  id: string;
  name?: string;
  role?: 'user' | 'bot';
}

export interface CardAction {
  /** `postBack`: the value goes to the bot and is not shown in the transcript as the user's text. */
  type: 'postBack';
  title: string;
  value: string;
}

export interface Attachment {
  contentType: string;
  contentUrl?: string;
  content?: unknown;
  name?: string;
}

/** What the renderer produces: the fields of a bot message, before a transport adds ids and addresses. */
export interface OutgoingActivity {
  type: 'message';
  text: string;
  /** Always `plain`: nothing a citizen typed (a project title) may turn into markdown or a link. */
  textFormat: 'plain';
  suggestedActions?: { actions: CardAction[] };
  attachments?: Attachment[];
  attachmentLayout?: 'list';
}

/** An activity as it is stored in a Direct Line conversation and sent to clients. */
export interface DirectLineActivity {
  type: string;
  id: string;
  timestamp: string;
  channelId: 'directline';
  conversation: { id: string };
  from: ChannelAccount;
  recipient?: ChannelAccount;
  text?: string;
  textFormat?: string;
  locale?: string;
  value?: unknown;
  replyToId?: string;
  suggestedActions?: { actions: CardAction[] };
  attachments?: Attachment[];
  attachmentLayout?: string;
  channelData?: Record<string, unknown>;
}

/** The fields of an incoming activity the mapping reads (Direct Line posts and Bot Framework alike). */
export interface IncomingActivityFields {
  type?: unknown;
  text?: unknown;
  value?: unknown;
  locale?: unknown;
  channelData?: unknown;
}
