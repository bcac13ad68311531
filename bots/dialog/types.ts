import type { Channel } from '../../core/model/citizen';
import type { Locale } from '../../core/model/locale';

/** What a channel hands the engine: one native update, translated. */
export interface IncomingMessage {
  channel: Channel;
  /** The sender's id on that channel (Telegram chat id, Viber user id, Direct Line user id...). */
  externalId: string;
  text?: string;
  /** The payload of a pressed button (Telegram callback data, Viber ActionBody, ...). */
  payload?: string;
  /** A shared contact; `own` is true only when the channel vouches it is the sender's own number. */
  contact?: { phone: string; own: boolean };
  location?: { lat: number; lng: number };
  /** A channel reference to a photo (file id or URL); Agora keeps the reference only. */
  photo?: string;
  /** The app's language setting, used for a first contact only. */
  localeHint?: string;
}

export interface Button {
  label: string;
  payload: string;
}

/** One message back. Channels render what they can; anything a platform lacks is a documented no-op. */
export interface Reply {
  text: string;
  /** Rows of buttons (inline keyboard, Viber keyboard, suggested actions). */
  buttons?: Button[][];
  /** A PNG picture (the results chart) with its text alternative. */
  image?: { png: Buffer; alt: string };
  /** Ask the channel to show a "share my phone number" control with this label. */
  requestContact?: { label: string };
  /**
   * This reply redraws the screen whose button was pressed (a ballot after a tap): channels that can
   * edit a message do so instead of sending a new one.
   */
  edit?: boolean;
}

export const isLocaleLike = (v: string | undefined): v is Locale =>
  v === 'en' || v === 'el' || v === 'bg' || v === 'cs';
