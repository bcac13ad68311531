import type { Locale } from '../core/model/locale';

/** The intents of the NLU contract (DESIGN.md "Intents"), in a stable order. */
export const INTENTS = [
  'greet',
  'goodbye',
  'thanks',
  'help',
  'affirm',
  'deny',
  'cancel',
  'list_challenges',
  'propose',
  'support',
  'vote',
  'my_activity',
  'follow',
  'unfollow',
  'project_status',
  'results',
  'ask_official',
  'faq',
  'change_language',
  'delete_data',
] as const;

export type ContractIntent = (typeof INTENTS)[number];

/** A contract intent, or `none` when nothing is understood confidently. */
export type Intent = ContractIntent | 'none';

/** Every label the classifier knows: the contract intents plus `none` (out-of-scope examples). */
export const LABELS: readonly Intent[] = [...INTENTS, 'none'];

export const isIntent = (v: unknown): v is Intent =>
  typeof v === 'string' && (LABELS as string[]).includes(v);

/** Where an entity sits in the original text (UTF-16 offsets, `end` exclusive). */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** An amount of money; `currency` is an ISO 4217 code when the text names one. */
export interface MoneyEntity extends Span {
  type: 'money';
  value: number;
  currency: string | null;
}

/** A plain number that is not money (a count, a project number, points). */
export interface NumberEntity extends Span {
  type: 'number';
  value: number;
}

/** A calendar date, `YYYY-MM-DD`, resolved against the NLU clock for relative words. */
export interface DateEntity extends Span {
  type: 'date';
  value: string;
}

/** A project or challenge named in the text, matched fuzzily on its titles in every language. */
export interface ReferenceEntity extends Span {
  type: 'project' | 'challenge';
  id: string;
  /** 0..1, how closely the words matched the title. */
  score: number;
}

export type Entity = MoneyEntity | NumberEntity | DateEntity | ReferenceEntity;

/** A matched FAQ entry. */
export interface FaqMatch {
  id: string;
  question: string;
  answer: string;
  /** Cosine similarity 0..1. */
  score: number;
}

/** What the NLU makes of one message. */
export interface NluResult {
  language: Locale;
  intent: Intent;
  /** 0..1; for `none` it is the confidence of the best rejected guess. */
  confidence: number;
  entities: Entity[];
  faq?: FaqMatch;
  /** Which stage decided the intent. */
  source: 'classifier' | 'llm' | 'rules';
}

export interface ParseOptions {
  /** The citizen's chosen locale: it wins when the text does not clearly say otherwise. */
  localeHint?: Locale;
  /** The challenge the conversation is about: its FAQ is searched before the general one. */
  challengeId?: string | null;
}
