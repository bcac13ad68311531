import type { ErrorRequestHandler, Response } from 'express';
import type { DomainError, ErrorCode } from '../core/shared/result';

/** HTTP status of each domain failure: the API answers `{code, message}` with it. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  RULES_LOCKED: 409,
  ALREADY_SUPPORTED: 409,
  ALREADY_ANSWERED: 409,
  IDENTITY_TAKEN: 409,
  INVALID_TRANSITION: 409,
  RESULTS_NOT_AVAILABLE: 404,
  CONSENT_REQUIRED: 403,
  NOT_ELIGIBLE: 403,
};

/** The HTTP status of a domain failure (422 for the ones without a better fit). */
export const domainStatus = (e: DomainError): number => STATUS[e.code] ?? 422;

export const sendError = (res: Response, status: number, code: string, message: string): void => {
  res.status(status).json({ code, message });
};

export const sendDomainError = (res: Response, e: DomainError): void =>
  sendError(res, domainStatus(e), e.code, e.message);

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  message?: string;
}

/**
 * Last handler: body-parser failures (bad JSON, too large) become 4xx `{code, message}`; anything else
 * is logged once with its context and answered 500 without internals.
 */
export function jsonErrorHandler(log: (err: unknown, msg: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const e = (err ?? {}) as HttpishError;
    const status = e.status ?? e.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        e.type === 'entity.parse.failed'
          ? 'INVALID_JSON'
          : e.type === 'entity.too.large'
            ? 'PAYLOAD_TOO_LARGE'
            : 'BAD_REQUEST';
      return sendError(res, status, code, e.message ?? 'bad request');
    }
    log(err, `unhandled error on ${req.method} ${req.path}`);
    sendError(res, 500, 'INTERNAL', 'something went wrong on our side; it was logged');
  };
}
