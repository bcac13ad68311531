import { Schema } from 'mongoose';
import type { Locale } from '../../../core/model/locale';
import { LOCALES } from '../../../core/model/locale';
import type { Question, QuestionStatus } from '../../../core/model/question';
import { SCHEMA_OPTIONS } from '../schema-options';

export interface QuestionDoc {
  _id: string;
  citizenId: string | null;
  challengeId: string | null;
  text: string;
  locale: Locale;
  status: QuestionStatus;
  answer: string | null;
  answeredBy: string | null;
  answerSource: Question['answerSource'];
  askedAt: Date;
  answeredAt: Date | null;
  ord: number;
}

export const questionSchema = new Schema<QuestionDoc>(
  {
    _id: { type: String, required: true },
    citizenId: { type: String },
    challengeId: { type: String },
    text: { type: String },
    locale: { type: String, enum: LOCALES, required: true },
    status: { type: String, enum: ['open', 'answered'], required: true },
    answer: { type: String },
    answeredBy: { type: String },
    answerSource: { type: String, enum: ['official', 'faq', null] },
    askedAt: { type: Date, required: true },
    answeredAt: { type: Date },
    ord: { type: Number, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'questions' },
);
// The officials' inbox: open questions, oldest first.
questionSchema.index(
  { askedAt: 1, ord: 1 },
  { name: 'question_open', partialFilterExpression: { status: 'open' } },
);
questionSchema.index(
  { citizenId: 1, askedAt: 1, ord: 1 },
  { name: 'question_by_citizen', partialFilterExpression: { citizenId: { $type: 'string' } } },
);
