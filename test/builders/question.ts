import type { Question } from '../../core/model/question';
import { atBase, nextSeq } from './sequence';

/** An open question in English, about no particular challenge. */
export function aQuestion(overrides: Partial<Question> = {}): Question {
  const n = nextSeq();
  return {
    id: `qu_${n}`,
    citizenId: `ci_${n}`,
    challengeId: null,
    text: `Question ${n}: when does voting open?`,
    locale: 'en',
    status: 'open',
    answer: null,
    answeredBy: null,
    answerSource: null,
    askedAt: atBase(),
    answeredAt: null,
    ...overrides,
  };
}
