import { LOCALES } from '../../core/model/locale';
import { PHASES } from '../../core/model/phase';
import { PROPOSAL_STATUSES } from '../../core/model/proposal';
import { schemas } from './openapi-schemas';
import { RESULT_FORMATS } from './query';

/* OpenAPI 3.1 description of the public open-data API (served at /api/v1/openapi.json). */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });

const error = (description: string) => ({ description, content: json(ref('Error')) });
const BAD_QUERY = error('Bad query parameter (`INVALID_QUERY`): unknown parameter or value out of range.');
const NOT_FOUND = error('Unknown id (`NOT_FOUND`).');

const parameters = {
  id: { name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: 'Challenge id' },
  projectId: { name: 'projectId', in: 'path', required: true, schema: { type: 'string' } },
  lang: { name: 'lang', in: 'query', schema: { type: 'string', enum: [...LOCALES] } },
  limit: { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
  offset: { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
};

const resultsContent = {
  ...json(ref('Results')),
  'text/csv': { schema: { type: 'string' } },
  'text/plain': { schema: { type: 'string', description: 'Pabulib .pb file' } },
};
const NOT_PUBLISHED = error(
  'Unknown challenge (`NOT_FOUND`) or results not published yet (`RESULTS_NOT_AVAILABLE`).',
);

const paths = {
  '/challenges': {
    get: {
      operationId: 'listChallenges',
      summary: 'Challenges, newest first',
      parameters: [
        param('lang'),
        { name: 'phase', in: 'query', schema: { type: 'string', enum: [...PHASES] } },
        { name: 'domain', in: 'query', schema: { type: 'string', maxLength: 60 } },
        param('limit'),
        param('offset'),
      ],
      responses: {
        200: { description: 'A page of challenges', content: json(ref('ChallengePage')) },
        400: BAD_QUERY,
      },
    },
  },
  '/challenges/{id}': {
    get: {
      operationId: 'getChallenge',
      summary: 'One challenge',
      parameters: [param('id'), param('lang')],
      responses: {
        200: { description: 'The challenge', content: json(ref('Challenge')) },
        400: BAD_QUERY,
        404: NOT_FOUND,
      },
    },
  },
  '/challenges/{id}/projects': {
    get: {
      operationId: 'listProjects',
      summary: 'Proposals and projects of a challenge, in ref order, with support counts',
      parameters: [
        param('id'),
        param('lang'),
        { name: 'status', in: 'query', schema: { type: 'string', enum: [...PROPOSAL_STATUSES] } },
        param('limit'),
        param('offset'),
      ],
      responses: {
        200: { description: 'A page of projects', content: json(ref('ProjectPage')) },
        400: BAD_QUERY,
        404: NOT_FOUND,
      },
    },
  },
  '/challenges/{id}/projects/{projectId}': {
    get: {
      operationId: 'getProject',
      summary: 'One project with its progress updates and rating summary',
      parameters: [param('id'), param('projectId'), param('lang')],
      responses: {
        200: { description: 'The project', content: json(ref('ProjectDetail')) },
        400: BAD_QUERY,
        404: NOT_FOUND,
      },
    },
  },
  '/challenges/{id}/results': {
    get: {
      operationId: 'getResults',
      summary: 'Published results: JSON, CSV (`?format=csv`) or the Pabulib file (`?format=pb`)',
      parameters: [
        param('id'),
        param('lang'),
        {
          name: 'format',
          in: 'query',
          schema: { type: 'string', enum: [...RESULT_FORMATS], default: 'json' },
        },
      ],
      responses: {
        200: { description: 'The results', content: resultsContent },
        400: BAD_QUERY,
        404: NOT_PUBLISHED,
      },
    },
  },
  '/challenges/{id}/results.{ext}': {
    get: {
      operationId: 'downloadResults',
      summary: 'Published results as a file: results.json, results.csv or results.pb',
      parameters: [
        param('id'),
        { name: 'ext', in: 'path', required: true, schema: { type: 'string', enum: [...RESULT_FORMATS] } },
        param('lang'),
      ],
      responses: {
        200: { description: 'The results file', content: resultsContent },
        400: BAD_QUERY,
        404: NOT_PUBLISHED,
      },
    },
  },
  '/audit/head': {
    get: {
      operationId: 'getAuditHead',
      summary: 'The head of the audit hash chain (pin it, compare later)',
      responses: { 200: { description: 'The head', content: json(ref('AuditHead')) } },
    },
  },
  '/audit/receipts/{code}': {
    get: {
      operationId: 'verifyReceipt',
      summary: 'Check that the ballot with this receipt is in the chain and still the counted one',
      parameters: [
        {
          name: 'code',
          in: 'path',
          required: true,
          schema: { type: 'string', pattern: '^[2-9A-HJ-NP-Za-hj-np-z]{10}$' },
        },
      ],
      responses: {
        200: { description: 'Found', content: json(ref('Receipt')) },
        400: error('Not a receipt code (`INVALID_RECEIPT`).'),
        404: error('No ballot with this receipt (`NOT_FOUND`).'),
      },
    },
  },
  '/openapi.json': {
    get: {
      operationId: 'getOpenApi',
      summary: 'This document',
      responses: { 200: { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } },
    },
  },
};

/** The OpenAPI 3.1 document of `/api/v1`. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Agora open data',
      version: '1',
      description:
        'Read-only public data of participatory budgets: challenges, projects, results (JSON, CSV, Pabulib) and the audit chain. No authentication; no personal data. Errors are `{code, message}`.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: '/api/v1' }],
    paths,
    components: { schemas, parameters },
  };
}
