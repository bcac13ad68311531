import type { NextFunction, Request, Response, Router } from 'express';
import { Router as makeRouter } from 'express';
import type { Stores } from '../core/ports/store';

/**
 * `GET /metrics` in the Prometheus text format, without a client library: a handful of counters
 * kept here and gauges read from the store at scrape time. Counts only, never personal data.
 */
export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly started = Date.now();

  /** Counts every HTTP request by method and status class (route labels would explode with ids). */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      res.on('finish', () => {
        const key = `method="${req.method}",status="${Math.floor(res.statusCode / 100)}xx"`;
        this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
      });
      next();
    };
  }

  router(stores: Pick<Stores, 'outbox' | 'fanout' | 'citizens' | 'challenges'>): Router {
    const r = makeRouter();
    r.get('/metrics', async (_req, res) => {
      const outbox = await stores.outbox.countByState();
      const lines = [
        '# HELP agora_http_requests_total HTTP requests handled, by method and status class.',
        '# TYPE agora_http_requests_total counter',
        ...[...this.requests].map(([k, v]) => `agora_http_requests_total{${k}} ${v}`),
        '# HELP agora_outbox_notifications Outbox rows by state.',
        '# TYPE agora_outbox_notifications gauge',
        ...Object.entries(outbox).map(([state, n]) => `agora_outbox_notifications{state="${state}"} ${n}`),
        '# HELP agora_fanout_jobs_pending Fan-out jobs not yet expanded into outbox rows.',
        '# TYPE agora_fanout_jobs_pending gauge',
        `agora_fanout_jobs_pending ${await stores.fanout.countPending()}`,
        '# HELP agora_citizens Citizens known (all channels).',
        '# TYPE agora_citizens gauge',
        `agora_citizens ${await stores.citizens.count()}`,
        '# HELP agora_challenges Challenges in the store.',
        '# TYPE agora_challenges gauge',
        `agora_challenges ${(await stores.challenges.list()).length}`,
        '# HELP process_resident_memory_bytes Resident memory size in bytes.',
        '# TYPE process_resident_memory_bytes gauge',
        `process_resident_memory_bytes ${process.memoryUsage().rss}`,
        '# HELP process_uptime_seconds Seconds since the process started serving.',
        '# TYPE process_uptime_seconds gauge',
        `process_uptime_seconds ${Math.round((Date.now() - this.started) / 1000)}`,
      ];
      res.type('text/plain; version=0.0.4; charset=utf-8').send(`${lines.join('\n')}\n`);
    });
    return r;
  }
}
