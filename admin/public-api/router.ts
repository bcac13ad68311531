import { Router } from 'express';
import type { Request, Response } from 'express';
import type { Deps } from '../../core/usecases/deps';
import { phaseOf } from '../../core/model/challenge';
import { ON_BALLOT } from '../../core/model/proposal';
import { sendDomainError, sendError } from '../http-errors';
import { resultsCsv } from '../../core/opendata/results-csv';
import { ResultsCache } from './results-cache';
import { challengeView, projectView, resultsView, updateView } from './views';
import { openApiDocument } from './openapi';
import type { ResultFormat } from './query';
import {
  challengesQuery,
  langQuery,
  projectsQuery,
  queryProblem,
  RESULT_FORMATS,
  resultsQuery,
} from './query';
import { auditRouter } from './audit-router';

/**
 * Public open-data API (`/api/v1`). Read-only, no authentication, no personal data.
 * Bad queries answer 400 `{code, message}`, unknown ids 404.
 */
export function publicApiRouter(deps: Deps): Router {
  const r = Router();

  r.get('/challenges', async (req: Request, res: Response) => {
    const q = challengesQuery.safeParse(req.query);
    if (!q.success) return sendError(res, 400, 'INVALID_QUERY', queryProblem(q.error));
    const now = deps.clock.now();
    const all = (await deps.store.challenges.list()).filter(
      (c) =>
        (!q.data.phase || phaseOf(c, now) === q.data.phase) && (!q.data.domain || c.domain === q.data.domain),
    );
    const items = all
      .slice(q.data.offset, q.data.offset + q.data.limit)
      .map((c) => challengeView(c, now, q.data.lang));
    res.json({ total: all.length, offset: q.data.offset, limit: q.data.limit, items });
  });

  r.get('/challenges/:id', async (req: Request<{ id: string }>, res: Response) => {
    const q = langQuery.safeParse(req.query);
    if (!q.success) return sendError(res, 400, 'INVALID_QUERY', queryProblem(q.error));
    const c = await deps.store.challenges.get(req.params.id);
    if (!c) return sendError(res, 404, 'NOT_FOUND', `no challenge with id ${req.params.id}`);
    res.json(challengeView(c, deps.clock.now(), q.data.lang));
  });

  r.get('/challenges/:id/projects', async (req: Request<{ id: string }>, res: Response) => {
    const q = projectsQuery.safeParse(req.query);
    if (!q.success) return sendError(res, 400, 'INVALID_QUERY', queryProblem(q.error));
    const c = await deps.store.challenges.get(req.params.id);
    if (!c) return sendError(res, 404, 'NOT_FOUND', `no challenge with id ${req.params.id}`);
    // Proposals still awaiting review are public too (transparency), but rejected ones carry their reason.
    const statuses = q.data.status ? [q.data.status] : undefined;
    const projects = await deps.store.proposals.listByChallenge(c.id, statuses);
    const supports = await deps.store.supports.countsByChallenge(c.id);
    const items = projects
      .slice(q.data.offset, q.data.offset + q.data.limit)
      .map((p) => projectView(p, supports.get(p.id) ?? 0, q.data.lang));
    res.json({
      challengeId: c.id,
      total: projects.length,
      onBallot: projects.filter((p) => ON_BALLOT.includes(p.status)).length,
      offset: q.data.offset,
      limit: q.data.limit,
      items,
    });
  });

  r.get(
    '/challenges/:id/projects/:projectId',
    async (req: Request<{ id: string; projectId: string }>, res) => {
      const q = langQuery.safeParse(req.query);
      if (!q.success) return sendError(res, 400, 'INVALID_QUERY', queryProblem(q.error));
      const p = await deps.store.proposals.get(req.params.projectId);
      if (!p || p.challengeId !== req.params.id)
        return sendError(
          res,
          404,
          'NOT_FOUND',
          `no project ${req.params.projectId} in challenge ${req.params.id}`,
        );
      const [supports, updates, ratings] = await Promise.all([
        deps.store.supports.count(p.id),
        deps.store.updates.listByProject(p.id),
        deps.store.ratings.summary(p.id),
      ]);
      res.json({
        ...projectView(p, supports, q.data.lang),
        photo: p.photo,
        ratings,
        updates: updates.map(updateView),
      });
    },
  );

  const results = new ResultsCache(deps.store);
  /** Results once published: JSON, CSV for spreadsheets, or the `.pb` file anyone can recount. */
  const sendResults = async (req: Request, res: Response, id: string, pathFormat?: ResultFormat) => {
    const q = resultsQuery.safeParse(req.query);
    if (!q.success) return sendError(res, 400, 'INVALID_QUERY', queryProblem(q.error));
    const found = await results.published(id);
    if (!found.ok) return sendDomainError(res, found.error);
    const format = pathFormat ?? q.data.format;
    const { results: r, pb } = found.value;
    if (format === 'json') return void res.json(resultsView(r, q.data.lang));
    const name = `agora-${id}-results.${format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    if (format === 'csv')
      res.type('text/csv; charset=utf-8').send(resultsCsv(r.projects, q.data.lang ?? 'en'));
    else res.type('text/plain; charset=utf-8').send(pb);
  };
  r.get('/challenges/:id/results', (req: Request<{ id: string }>, res: Response) =>
    sendResults(req, res, req.params.id),
  );
  r.get('/challenges/:id/results.:ext', (req: Request<{ id: string; ext: string }>, res: Response) => {
    const ext = req.params.ext as ResultFormat;
    if (!RESULT_FORMATS.includes(ext))
      return sendError(res, 404, 'NOT_FOUND', `no results format .${req.params.ext} (json, csv, pb)`);
    return sendResults(req, res, req.params.id, ext);
  });

  r.use('/audit', auditRouter(deps));

  const openApi = openApiDocument();
  r.get('/openapi.json', (_req: Request, res: Response) => void res.json(openApi));

  r.use((req, res) =>
    sendError(res, 404, 'NOT_FOUND', `no such endpoint: ${req.method} ${req.baseUrl}${req.path}`),
  );
  return r;
}
