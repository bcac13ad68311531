import { z } from 'zod';
import { LOCALES } from '../../core/model/locale';
import { PHASES } from '../../core/model/phase';
import { PROPOSAL_STATUSES } from '../../core/model/proposal';

const lang = z.enum(LOCALES).optional();
const page = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};

export const challengesQuery = z
  .object({ lang, phase: z.enum(PHASES).optional(), domain: z.string().max(60).optional(), ...page })
  .strict();

export const projectsQuery = z
  .object({ lang, status: z.enum(PROPOSAL_STATUSES).optional(), ...page })
  .strict();

export const langQuery = z.object({ lang }).strict();

export const RESULT_FORMATS = ['json', 'csv', 'pb'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

export const resultsQuery = z.object({ lang, format: z.enum(RESULT_FORMATS).default('json') }).strict();

/** The first problem of a query, as `name: message`. */
export const queryProblem = (e: z.ZodError): string =>
  e.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`)[0] ?? 'bad query';
