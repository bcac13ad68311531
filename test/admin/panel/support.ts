import express from 'express';
import type { Express } from 'express';
import request from 'supertest';
import type { StaffRole } from '../../../core/model/staff';
import { adminRouter } from '../../../admin/panel';
import type { AdminRouterOptions } from '../../../admin/panel';
import { createStaff } from '../../../admin/panel/staff-accounts';
import { publicApiRouter } from '../../../admin/public-api/router';
import { unwrap } from '../../../core/shared/result';
import { castBallot } from '../../../core/usecases/ballots/cast-ballot';
import { forcePhase } from '../../../core/usecases/challenges/manage';
import type { TestDeps } from '../../support/deps';
import { aChallengeWithProjects, aCitizenIn } from '../../support/scenario';

export const PASSWORD = 'correct horse battery';

export const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The panel at /admin and the public API at /api/v1, as the app mounts them. */
export function panelApp(deps: TestDeps, opts: Partial<AdminRouterOptions> = {}): Express {
  const app = express();
  app.set('trust proxy', 'loopback');
  app.use(express.json({ limit: '100kb' }));
  app.use('/admin', adminRouter({ deps, logger: silent, publicUrl: 'http://localhost:3000', ...opts }));
  app.use('/api/v1', publicApiRouter(deps));
  return app;
}

let n = 0;
/** A staff account with PASSWORD; returns its e-mail and id. */
export async function aStaff(deps: TestDeps, role: StaffRole): Promise<{ email: string; id: string }> {
  const email = `${role}${++n}@city.example`;
  const r = await createStaff(
    deps.store,
    { email, name: `${role} ${n}`, role, password: PASSWORD },
    deps.clock.now(),
  );
  if (!r.ok) throw new Error(r.problem);
  return { email, id: r.member.id };
}

/** The CSRF token of the last page an agent loaded. */
export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSRF field on the page');
  return m[1];
}

export type Agent = ReturnType<typeof request.agent>;

/** A browser-like agent (keeps cookies) signed in as `email`, and the session's CSRF token. */
export async function signedIn(app: Express, email: string): Promise<{ agent: Agent; csrf: string }> {
  const agent = request.agent(app);
  const page = await agent.get('/admin/login').expect(200);
  await agent
    .post('/admin/login')
    .type('form')
    .send({ _csrf: csrfOf(page.text), email, password: PASSWORD })
    .expect(303);
  const home = await agent.get('/admin').expect(200);
  return { agent, csrf: csrfOf(home.text) };
}

/** Posts a form with the session's CSRF token. */
export const post = (a: { agent: Agent; csrf: string }, url: string, form: Record<string, string>) =>
  a.agent
    .post(url)
    .type('form')
    .send({ _csrf: a.csrf, ...form });

/**
 * A challenge whose voting is over: projects costing 60, 50 and 40 of a 100 budget, three voters
 * (who follow the projects they chose), forced into the results phase.
 */
export async function aVotedChallenge(deps: TestDeps) {
  const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [60, 50, 40], {
    outcomeRule: { method: 'equal-shares', completion: 'add1' },
  });
  const [a, b, c] = projects as [string, string, string];
  const voters: string[] = [];
  for (const choice of [[a], [a], [b, c]]) {
    const voter = await aCitizenIn(deps);
    unwrap(
      await castBallot(
        deps,
        voter,
        challenge.id,
        choice.map((projectId) => ({ projectId })),
      ),
    );
    voters.push(voter);
  }
  unwrap(await forcePhase(deps, challenge.id, 'results', 'staff_test'));
  return { challenge, projects: [a, b, c] as const, voters };
}
