import type { Locale } from './locale';

export type QuestionStatus = 'open' | 'answered';

export interface Question {
  id: string;
  citizenId: string | null;
  challengeId: string | null;
  text: string;
  locale: Locale;
  status: QuestionStatus;
  answer: string | null;
  answeredBy: string | null;
  /** How it was answered: by an official, or straight from the FAQ. */
  answerSource: 'official' | 'faq' | null;
  askedAt: Date;
  answeredAt: Date | null;
}
