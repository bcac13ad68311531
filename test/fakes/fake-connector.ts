import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface ConnectorCall {
  conversationId: string;
  replyToId?: string;
  authorization?: string;
  activity: Record<string, unknown>;
}

/**
 * A local stand-in for a Bot Framework channel's connector (the activity's `serviceUrl`): records
 * the replies the bot posts to `/v3/conversations/{id}/activities[/{replyToId}]` and answers with an
 * id, or fails the next calls with an HTTP status.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private server: Server | null = null;
  private failures: number[] = [];
  private seq = 0;

  get url(): string {
    const a = this.server?.address() as AddressInfo | null;
    if (!a) throw new Error('fake connector not started');
    return `http://127.0.0.1:${a.port}/`;
  }

  async start(): Promise<this> {
    const app = express();
    app.use(express.json({ limit: '5mb' }));
    const record = (req: express.Request, res: express.Response) => {
      const failure = this.failures.shift();
      if (failure) {
        res.status(failure).json({ error: { code: 'Fake', message: `fake failure ${failure}` } });
        return;
      }
      this.calls.push({
        conversationId: String(req.params.conversationId),
        replyToId: req.params.replyToId ? String(req.params.replyToId) : undefined,
        authorization: req.get('authorization'),
        activity: req.body as Record<string, unknown>,
      });
      res.json({ id: `sent-${++this.seq}` });
    };
    app.post('/v3/conversations/:conversationId/activities/:replyToId', record);
    app.post('/v3/conversations/:conversationId/activities', record);
    await new Promise<void>((resolve) => {
      this.server = app.listen(0, '127.0.0.1', () => resolve());
    });
    return this;
  }

  failNext(status: number, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(status);
  }

  /** The texts the bot sent to a conversation, in order. */
  textsTo(conversationId: string): string[] {
    return this.calls
      .filter((c) => c.conversationId === conversationId)
      .map((c) => String(c.activity.text ?? ''));
  }

  last(conversationId: string): ConnectorCall | undefined {
    return this.calls.filter((c) => c.conversationId === conversationId).at(-1);
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
