import express, { Router } from 'express';
import type { ErrorRequestHandler } from 'express';
import type { Deps } from '../../core/usecases/deps';
import { FaqRetriever } from '../../nlu/faq/faq-retriever';
import { assetsRouter } from './assets';
import { authRouter, checkCsrf, loadSession, requireStaff } from './auth';
import type { Panel, PanelLogger, SuggestAnswer } from './context';
import { sendMessage } from './layout';
import { accountRouter } from './pages/account';
import { announceRouter } from './pages/announce';
import { auditRouter } from './pages/audit';
import { challengesRouter } from './pages/challenges';
import { dashboardRouter } from './pages/dashboard';
import { exportsRouter } from './pages/exports';
import { faqRouter } from './pages/faq';
import { projectsRouter } from './pages/projects';
import { questionsRouter } from './pages/questions';
import { resultsRouter } from './pages/results';
import { reviewRouter } from './pages/review';
import { staffRouter } from './pages/staff';
import { securityHeaders } from './security';
import type { SessionLimits } from './sessions';
import { SessionStore } from './sessions';

export interface AdminRouterOptions {
  deps: Deps;
  logger: PanelLogger;
  /** PUBLIC_URL: when it is https, cookies are `Secure` and HSTS is sent. */
  publicUrl?: string;
  /** Force `Secure` cookies (default: PUBLIC_URL is https; a request that arrived over https always). */
  secureCookies?: boolean;
  /** Drafts an answer to a citizen's question with the configured LLM (absent: FAQ suggestions only). */
  suggest?: SuggestAnswer;
  /** Session lifetimes (tests shorten them). */
  sessionLimits?: SessionLimits;
}

/**
 * The admin panel, to mount at `/admin` (its links and cookie path assume it). Server-rendered
 * pages over the core use cases; sessions, CSRF tokens, roles and security headers inside.
 */
export function adminRouter(o: AdminRouterOptions): Router {
  const https = o.publicUrl?.startsWith('https://') ?? false;
  const panel: Panel = {
    deps: o.deps,
    log: o.logger,
    sessions: new SessionStore(() => o.deps.clock.now().getTime(), o.sessionLimits),
    // No caching: an FAQ edit shows in the next suggestion (the inbox is not a hot path).
    faq: new FaqRetriever(o.deps.store.faq, 0),
    suggest: o.suggest,
    secure: o.secureCookies ?? https,
  };

  const r = Router();
  r.use(securityHeaders(https));
  r.use(assetsRouter());
  r.use(express.urlencoded({ extended: false, limit: '100kb' }));
  r.use(loadSession(panel));
  r.use(checkCsrf);
  r.use(authRouter(panel));
  r.use(requireStaff);
  for (const page of [
    dashboardRouter,
    challengesRouter,
    reviewRouter,
    resultsRouter,
    projectsRouter,
    questionsRouter,
    faqRouter,
    announceRouter,
    auditRouter,
    exportsRouter,
    staffRouter,
    accountRouter,
  ])
    r.use(page(panel));
  r.use((_req, res) => sendMessage(res, 404, 'Not found', 'There is no such page in the admin panel.'));
  r.use(panelErrors(panel));
  return r;
}

/** Body-parser refusals become a 4xx page; anything else is logged once and answered 500 without details. */
function panelErrors(panel: Panel): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const e = (err ?? {}) as { status?: number; type?: string };
    if (e.status && e.status >= 400 && e.status < 500)
      return sendMessage(
        res,
        e.status,
        'Not accepted',
        e.type === 'entity.too.large' ? 'The form is too large.' : 'The request could not be read.',
      );
    panel.log.error({ err, path: req.path, method: req.method }, 'admin panel error');
    sendMessage(res, 500, 'Something went wrong', 'Something went wrong on our side; it was logged.');
  };
}
