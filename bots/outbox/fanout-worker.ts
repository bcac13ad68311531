import type { Deps } from '../../core/usecases/deps';
import { expandFanout } from '../../core/usecases/fanout';

export interface FanoutLogger {
  error(obj: object, msg: string): void;
}

/**
 * Expands fan-out jobs into outbox rows in the background, one job at a time, then looks again.
 * Several instances may run it: jobs are leased, and each chunk commits with its progress.
 */
export class FanoutWorker {
  private running = false;
  private loop: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly deps: Deps,
    private readonly logger: FanoutLogger,
    private readonly idleMs = 500,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let written = 0;
      try {
        written = await expandFanout(this.deps);
      } catch (err) {
        this.logger.error({ err }, 'fan-out failed; the job is retried when its lease ends');
      }
      if (written === 0 && this.running)
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          this.timer = setTimeout(resolve, this.idleMs);
        });
    }
  }
}
