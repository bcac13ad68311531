import { LOCALES } from '../../core/model/locale';
import { PHASES } from '../../core/model/phase';
import { PROPOSAL_STATUSES } from '../../core/model/proposal';

/* Schemas of the OpenAPI document: what the views in views.ts give (keep the two in step). */

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: object = {}) => ({ type: [type, 'null'], ...extra });

const textOrLocalized = {
  description:
    'With `?lang=` the text in that language (falling back to English, then any); otherwise every language.',
  oneOf: [{ type: 'string' }, ref('LocalizedText')],
};

const pageOf = (item: string, extra: Record<string, object> = {}) => ({
  type: 'object',
  required: ['total', 'offset', 'limit', 'items'],
  properties: {
    ...extra,
    total: { type: 'integer' },
    offset: { type: 'integer' },
    limit: { type: 'integer' },
    items: { type: 'array', items: ref(item) },
  },
});

export const schemas = {
  Error: {
    type: 'object',
    required: ['code', 'message'],
    properties: {
      code: {
        type: 'string',
        description: 'Stable machine-readable code, e.g. `NOT_FOUND`, `INVALID_QUERY`.',
      },
      message: { type: 'string', description: 'A sentence for people.' },
    },
  },
  LocalizedText: {
    type: 'object',
    properties: Object.fromEntries(LOCALES.map((l) => [l, { type: 'string' }])),
    additionalProperties: false,
  },
  Challenge: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      title: textOrLocalized,
      description: textOrLocalized,
      domain: { type: 'string' },
      budget: { type: 'number' },
      currency: { type: 'string', description: 'ISO 4217' },
      phase: { type: 'string', enum: [...PHASES] },
      phaseEndsAt: nullable('string', { format: 'date-time' }),
      schedule: {
        type: 'object',
        description: 'Start of each scheduled phase; a phase left out is skipped.',
        additionalProperties: nullable('string', { format: 'date-time' }),
      },
      ballotRule: {
        type: 'object',
        description: 'knapsack | approval | ranked | cumulative, with its parameters',
      },
      outcomeRule: { type: 'object', description: 'greedy, or equal-shares with its completion' },
      minVerification: { type: 'string', enum: ['none', 'phone', 'code'] },
      resultsPublishedAt: nullable('string', { format: 'date-time' }),
    },
  },
  Milestone: {
    type: 'object',
    properties: {
      title: { type: 'string' },
      due: nullable('string', { format: 'date-time' }),
      done: { type: 'boolean' },
    },
  },
  Project: {
    type: 'object',
    description: 'A proposal or project. Never its author.',
    properties: {
      id: { type: 'string' },
      ref: { type: 'string', description: 'Short reference unique in the challenge (Pabulib project_id).' },
      challengeId: { type: 'string' },
      title: textOrLocalized,
      description: textOrLocalized,
      cost: { type: 'number' },
      status: { type: 'string', enum: [...PROPOSAL_STATUSES] },
      rejectionReason: nullable('string'),
      officialNote: nullable('string'),
      category: nullable('string'),
      location: nullable('object', { properties: { lat: { type: 'number' }, lng: { type: 'number' } } }),
      progress: { type: 'number', minimum: 0, maximum: 100 },
      milestones: { type: 'array', items: ref('Milestone') },
      supports: { type: 'integer' },
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
  ProjectUpdate: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      text: { type: 'string' },
      progress: nullable('number'),
      status: nullable('string'),
      photo: nullable('string', { format: 'uri' }),
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
  ProjectDetail: {
    allOf: [
      ref('Project'),
      {
        type: 'object',
        properties: {
          photo: nullable('string', { format: 'uri' }),
          ratings: {
            type: 'object',
            properties: { count: { type: 'integer' }, average: nullable('number') },
          },
          updates: { type: 'array', items: ref('ProjectUpdate'), description: 'Newest first.' },
        },
      },
    ],
  },
  ChallengePage: pageOf('Challenge'),
  ProjectPage: pageOf('Project', { challengeId: { type: 'string' }, onBallot: { type: 'integer' } }),
  Results: {
    type: 'object',
    properties: {
      challengeId: { type: 'string' },
      rule: { type: 'object' },
      budget: { type: 'number' },
      currency: { type: 'string' },
      totalCost: { type: 'number' },
      voters: { type: 'integer' },
      publishedAt: nullable('string', { format: 'date-time' }),
      selected: { type: 'array', items: { type: 'string' }, description: 'Project ids in selection order.' },
      projects: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            ref: { type: 'string' },
            title: textOrLocalized,
            cost: { type: 'number' },
            votes: { type: 'integer' },
            score: { type: 'number' },
            selected: { type: 'boolean' },
            rank: nullable('integer'),
            status: { type: 'string', enum: [...PROPOSAL_STATUSES] },
          },
        },
      },
    },
  },
  AuditHead: {
    type: 'object',
    properties: {
      seq: { type: 'integer', description: '0 for an empty chain' },
      hash: { type: 'string', description: 'SHA-256 hex of the last entry (64 zeros when empty)' },
      at: nullable('string', { format: 'date-time' }),
      type: nullable('string'),
    },
  },
  Receipt: {
    type: 'object',
    properties: {
      receipt: { type: 'string' },
      found: { type: 'boolean' },
      seq: { type: 'integer' },
      at: { type: 'string', format: 'date-time' },
      type: { type: 'string' },
      challengeId: { type: 'string' },
      contentHash: { type: 'string' },
      entryHash: { type: 'string' },
      status: { type: 'string', enum: ['counted', 'replaced'] },
      headSeq: { type: 'integer' },
    },
  },
};
