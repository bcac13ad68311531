import { parseViberJson } from './viber-json';

/** Viber's REST root (config `VIBER_API_ROOT`; tests point it at a local fake). */
export const VIBER_API_ROOT = 'https://chatapi.viber.com/pa';

/** Per call; Viber normally answers in well under a second. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Viber's `status` codes (https://developers.viber.com/docs/api/rest-bot-api/#error-codes). Viber
 * answers HTTP 200 with one of these; anything but 0 is an error.
 */
export const VIBER_STATUS = {
  ok: 0,
  invalidUrl: 1,
  invalidAuthToken: 2,
  badData: 3,
  missingData: 4,
  receiverNotRegistered: 5,
  receiverNotSubscribed: 6,
  publicAccountBlocked: 7,
  publicAccountNotFound: 8,
  publicAccountSuspended: 9,
  webhookNotSet: 10,
  receiverNoSuitableDevice: 11,
  tooManyRequests: 12,
  apiVersionNotSupported: 13,
  incompatibleWithVersion: 14,
} as const;

/** The events `set_webhook` subscribes to (`message` always comes). Delivery receipts are not needed. */
export type ViberEventType =
  'delivered' | 'seen' | 'failed' | 'subscribed' | 'unsubscribed' | 'conversation_started';

/** What Agora registers: no `delivered`/`seen` (one callback per message sent, for nothing). */
export const VIBER_EVENT_TYPES: readonly ViberEventType[] = [
  'failed',
  'subscribed',
  'unsubscribed',
  'conversation_started',
];

/** A keyboard button (https://developers.viber.com/docs/tools/keyboards/#buttons-parameters). */
export interface ViberButton {
  Columns: number;
  Rows: number;
  ActionType: 'reply' | 'share-phone' | 'open-url' | 'location-picker' | 'none';
  ActionBody: string;
  Text: string;
  /** Don't echo the tap into the chat as if the citizen had typed `agora:vt:...`. */
  Silent?: boolean;
  TextSize?: 'small' | 'regular' | 'large';
}

export interface ViberKeyboard {
  Type: 'keyboard';
  DefaultHeight?: boolean;
  Buttons: ViberButton[];
}

/** One message, without its receiver and sender (the renderer's output). */
export type ViberMessage =
  | { type: 'text'; text: string; keyboard?: ViberKeyboard; min_api_version?: number }
  | {
      type: 'picture';
      /** The caption (Viber: at most 512 characters; may be empty). */
      text: string;
      media: string;
      thumbnail?: string;
      keyboard?: ViberKeyboard;
      min_api_version?: number;
    };

export interface ViberSenderInfo {
  /** At most 28 characters. */
  name: string;
  avatar?: string;
}

/** The body of `send_message`. */
export type SendMessageBody = ViberMessage & {
  receiver: string;
  sender: ViberSenderInfo;
  tracking_data?: string;
};

export interface ViberResponse {
  status: number;
  status_message: string;
  [key: string]: unknown;
}

export interface SendMessageResult extends ViberResponse {
  /** A string: the 64-bit token would lose digits as a JS number. */
  message_token?: string;
}

export interface AccountInfo extends ViberResponse {
  id?: string;
  name?: string;
  uri?: string;
  webhook?: string;
  event_types?: string[];
  subscribers_count?: number;
}

/**
 * What went wrong with one call. `status`: Viber's own code when it answered (HTTP 200, non-zero
 * status); `httpStatus`: when the HTTP layer failed (429, 5xx, ...); neither for network errors and
 * timeouts. `retryable` says whether trying the same call later can succeed.
 */
export class ViberApiError extends Error {
  constructor(
    readonly method: string,
    readonly kind: 'status' | 'http' | 'network' | 'invalid',
    message: string,
    readonly detail: {
      status?: number;
      statusMessage?: string;
      httpStatus?: number;
      retryAfterMs?: number;
      cause?: unknown;
    } = {},
  ) {
    super(`viber ${method}: ${message}`);
    this.name = 'ViberApiError';
  }

  get status(): number | undefined {
    return this.detail.status;
  }

  /** Viber's `status_message` (e.g. `receiverNotSubscribed`). */
  get statusMessage(): string | undefined {
    return this.detail.statusMessage;
  }

  get httpStatus(): number | undefined {
    return this.detail.httpStatus;
  }

  get retryAfterMs(): number | undefined {
    return this.detail.retryAfterMs;
  }

  /** 429, 5xx, 408, network trouble, Viber's own rate control (12): the same call may pass later. */
  get retryable(): boolean {
    if (this.kind === 'network' || this.kind === 'invalid') return true;
    if (this.kind === 'http') {
      const h = this.detail.httpStatus ?? 0;
      return h === 408 || h === 429 || h >= 500;
    }
    return this.detail.status === VIBER_STATUS.tooManyRequests;
  }
}

export interface ViberClientOptions {
  authToken: string;
  /** `VIBER_API_ROOT`; a trailing slash is ignored. */
  apiRoot?: string;
  timeoutMs?: number;
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const s = Number(header);
  if (Number.isFinite(s) && s >= 0) return Math.round(s * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * A small typed client of the Viber REST bot API, on Node's `fetch`. The official `viber-bot` SDK
 * is not used: it is unmaintained, hard-codes its URL (no fake in tests) and mis-reads the signature
 * header. Every call is a JSON POST carrying `X-Viber-Auth-Token`, bounded by a timeout.
 */
export class ViberClient {
  readonly apiRoot: string;
  private readonly timeoutMs: number;

  constructor(private readonly o: ViberClientOptions) {
    this.apiRoot = (o.apiRoot ?? VIBER_API_ROOT).replace(/\/+$/, '');
    this.timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Registers the webhook; Viber calls it once (event `webhook`) before answering, so serve it first. */
  setWebhook(
    url: string,
    eventTypes: readonly ViberEventType[] = VIBER_EVENT_TYPES,
    opts: { sendName?: boolean; sendPhoto?: boolean } = {},
  ): Promise<ViberResponse> {
    // Names and photos are not needed by Agora: don't receive personal data it would not use.
    return this.call('set_webhook', {
      url,
      event_types: eventTypes,
      send_name: opts.sendName ?? false,
      send_photo: opts.sendPhoto ?? false,
    });
  }

  sendMessage(body: SendMessageBody): Promise<SendMessageResult> {
    return this.call<SendMessageResult>('send_message', body);
  }

  getAccountInfo(): Promise<AccountInfo> {
    return this.call<AccountInfo>('get_account_info', {});
  }

  private async call<T extends ViberResponse>(method: string, body: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.apiRoot}/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Viber-Auth-Token': this.o.authToken },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      const timedOut = cause instanceof Error && cause.name === 'TimeoutError';
      const why = timedOut
        ? `no answer within ${this.timeoutMs} ms`
        : cause instanceof Error
          ? `${cause.message}${cause.cause instanceof Error ? ` (${cause.cause.message})` : ''}`
          : String(cause);
      throw new ViberApiError(method, 'network', why, { cause });
    }
    let text: string;
    try {
      text = await res.text();
    } catch (cause) {
      throw new ViberApiError(method, 'network', 'connection lost while reading the answer', { cause });
    }
    if (!res.ok)
      throw new ViberApiError(method, 'http', `HTTP ${res.status}`, {
        httpStatus: res.status,
        retryAfterMs: retryAfter(res.headers.get('retry-after')),
      });
    let parsed: unknown;
    try {
      parsed = parseViberJson(text);
    } catch {
      parsed = undefined;
    }
    const status = (parsed as { status?: unknown } | undefined)?.status;
    if (typeof parsed !== 'object' || parsed === null || typeof status !== 'number')
      throw new ViberApiError(method, 'invalid', 'answer is not a Viber JSON reply', {
        httpStatus: res.status,
      });
    const r = parsed as T;
    if (r.status !== VIBER_STATUS.ok)
      throw new ViberApiError(method, 'status', `status ${r.status} ${String(r.status_message)}`, {
        status: r.status,
        statusMessage: String(r.status_message ?? ''),
      });
    return r;
  }
}
