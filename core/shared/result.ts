/**
 * Expected failures travel as values (Result), unexpected ones are thrown.
 * Every domain failure has a stable `code`: channels turn it into a localized sentence, HTTP into a status.
 */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'CONSENT_REQUIRED'
  | 'NOT_ELIGIBLE'
  | 'CITIZEN_ERASED'
  | 'PHONE_IN_USE'
  | 'PROPOSALS_CLOSED'
  | 'SUPPORTS_CLOSED'
  | 'VOTING_CLOSED'
  | 'ALREADY_SUPPORTED'
  | 'NOT_SUPPORTABLE'
  | 'RULES_LOCKED'
  | 'INVALID_TRANSITION'
  | 'OVER_BUDGET'
  | 'UNDER_MINIMUM_BUDGET'
  | 'TOO_FEW_PROJECTS'
  | 'TOO_MANY_PROJECTS'
  | 'UNKNOWN_PROJECT'
  | 'PROJECT_NOT_ON_BALLOT'
  | 'DUPLICATE_CHOICE'
  | 'INVALID_POINTS'
  | 'POINTS_EXCEEDED'
  | 'EMPTY_BALLOT'
  | 'RATING_NOT_ALLOWED'
  | 'INVALID_RATING'
  | 'LINK_CODE_INVALID'
  | 'IDENTITY_TAKEN'
  | 'LINK_ACCOUNT_HAS_ACTIVITY'
  | 'ALREADY_ANSWERED'
  | 'RESULTS_NOT_AVAILABLE';

export class DomainError {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
    /** Values a channel may use to build a localized sentence (e.g. `{ budget, total }`). */
    readonly details: Record<string, unknown> = {},
  ) {}
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): Result<T> => ({ ok: false, error: new DomainError(code, message, details) });

/** Unwraps a result where a failure would be a programming error (tests, demo data). */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
