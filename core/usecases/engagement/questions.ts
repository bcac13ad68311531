import type { Locale } from '../../model/locale';
import type { Question } from '../../model/question';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { Deps } from '../deps';
import { notifyCitizens } from '../notify';

export const MAX_QUESTION = 2000;

/**
 * A citizen asks. With `faqAnswer` (the bot found a confident FAQ match) it is recorded as answered;
 * otherwise it waits in the officials' inbox.
 */
export async function askQuestion(
  deps: Deps,
  citizenId: string,
  input: { text: string; locale: Locale; challengeId?: string | null; faqAnswer?: string | null },
): Promise<Result<Question>> {
  const text = input.text.trim();
  if (!text) return fail('INVALID_INPUT', 'the question is empty');
  if (text.length > MAX_QUESTION)
    return fail('INVALID_INPUT', `a question is at most ${MAX_QUESTION} characters`);
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const c = await tx.citizens.get(citizenId);
    if (!c || c.erasedAt) return fail('NOT_FOUND', 'citizen not found');
    if (input.challengeId && !(await tx.challenges.get(input.challengeId)))
      return fail('NOT_FOUND', 'challenge not found', { challengeId: input.challengeId });
    const auto = input.faqAnswer ?? null;
    const q: Question = {
      id: deps.ids.next('qn'),
      citizenId,
      challengeId: input.challengeId ?? null,
      text,
      locale: input.locale,
      status: auto ? 'answered' : 'open',
      answer: auto,
      answeredBy: null,
      answerSource: auto ? 'faq' : null,
      askedAt: now,
      answeredAt: auto ? now : null,
    };
    await tx.questions.save(q);
    return ok(q);
  });
}

/** An official answers; the answer is queued for the citizen's channel in the same transaction. */
export async function answerQuestion(
  deps: Deps,
  questionId: string,
  staffId: string,
  answer: string,
): Promise<Result<Question>> {
  const text = answer.trim();
  if (!text) return fail('INVALID_INPUT', 'the answer is empty');
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const q = await tx.questions.get(questionId);
    if (!q) return fail('NOT_FOUND', 'question not found', { questionId });
    if (q.status === 'answered' && q.answerSource === 'official')
      return fail('ALREADY_ANSWERED', 'this question was already answered');
    const next: Question = {
      ...q,
      status: 'answered',
      answer: text,
      answeredBy: staffId,
      answerSource: 'official',
      answeredAt: now,
    };
    await tx.questions.save(next);
    if (q.citizenId)
      await notifyCitizens(tx, deps, [q.citizenId], 'question.answered', {
        questionId,
        question: q.text,
        answer: text,
      });
    return ok(next);
  });
}
