import type { Question } from '../../../core/model/question';
import type { QuestionDoc } from '../schemas/question-schema';
import { dateOrNull, textOrNull } from './json';

export function questionToDoc(q: Question, ord: number): QuestionDoc {
  return {
    _id: q.id,
    citizenId: q.citizenId,
    challengeId: q.challengeId,
    text: q.text,
    locale: q.locale,
    status: q.status,
    answer: q.answer,
    answeredBy: q.answeredBy,
    answerSource: q.answerSource,
    askedAt: q.askedAt,
    answeredAt: q.answeredAt,
    ord,
  };
}

export function questionFromDoc(doc: QuestionDoc): Question {
  return {
    id: doc._id,
    citizenId: textOrNull(doc.citizenId),
    challengeId: textOrNull(doc.challengeId),
    text: doc.text,
    locale: doc.locale,
    status: doc.status,
    answer: textOrNull(doc.answer),
    answeredBy: textOrNull(doc.answeredBy),
    answerSource: doc.answerSource ?? null,
    askedAt: doc.askedAt,
    answeredAt: dateOrNull(doc.answeredAt),
  };
}
