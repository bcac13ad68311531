import type { DialogEngine } from '../dialog/engine';
import type { IncomingMessage } from '../dialog/types';
import type { Button } from '../dialog/types';
import { renderReplies } from './render';

/**
 * The terminal channel: one line in, the replies out. A line that is just the number of a button
 * shown last presses it; anything else is text. Used by `agora chat` and by scripted tests.
 */
export class ConsoleChannel {
  private shown: Button[] = [];

  constructor(
    private readonly engine: DialogEngine,
    private readonly user: string,
    private readonly locale?: string,
  ) {}

  async send(line: string): Promise<string> {
    const msg: IncomingMessage = { channel: 'console', externalId: this.user, localeHint: this.locale };
    const n = /^\s*(\d{1,2})\s*$/.exec(line)?.[1];
    const pressed = n ? this.shown[Number(n) - 1] : undefined;
    if (pressed) msg.payload = pressed.payload;
    else msg.text = line;
    const { text, buttons } = renderReplies(await this.engine.handle(msg));
    this.shown = buttons;
    return text;
  }
}
