import { askQuestion } from '../../../core/usecases/engagement/questions';
import type { FaqMatch } from '../../../nlu/types';
import type { Turn } from '../turn';
import { btn, showMenu } from './common';
import { hasConsent } from './onboarding';

/** "I have a question": asks for it; the answer comes from the FAQ or, later, from an official. */
export function startAsk(turn: Turn, challengeId: string | null): void {
  if (!hasConsent(turn)) return;
  turn.go('ask', 'text', { challengeId });
  turn.say(turn.t.askPrompt, [[btn(turn.t.btnCancel, 'cancel')]]);
}

/** The question itself: a confident FAQ entry answers at once (with a way to still ask a person). */
export async function askText(turn: Turn, text: string): Promise<void> {
  const challengeId = turn.data<string | null>('challengeId') ?? null;
  let faq: FaqMatch | undefined;
  try {
    faq = (await turn.deps.nlu.parse(text, { localeHint: turn.locale, challengeId })).faq;
  } catch {
    faq = undefined; // no FAQ today: the question goes to a person, which is always acceptable
  }
  if (faq) return answerFromFaq(turn, text, faq, challengeId);
  await forward(turn, text, challengeId);
}

/** An FAQ answer; the question is kept so "ask an official" can still forward it. */
export async function answerFromFaq(turn: Turn, question: string, faq: FaqMatch, challengeId: string | null) {
  if (!turn.citizen.consentAt) {
    turn.done();
    return showMenu(turn, turn.t.faqAnswer(faq.answer));
  }
  const r = await askQuestion(turn.deps, turn.citizen.id, {
    text: question,
    locale: turn.locale,
    challengeId,
    faqAnswer: faq.answer,
  });
  turn.go('ask', 'answered', { challengeId, question: r.ok ? question : null });
  turn.say(`${turn.t.faqAnswer(faq.answer)}\n\n${turn.t.faqHelpful}`, [
    [btn(turn.t.btnAskOfficial, 'askoff'), btn(turn.t.btnMenu, 'menu')],
  ]);
}

/** "Ask an official" after an FAQ answer that did not help. */
export async function askOfficial(turn: Turn): Promise<void> {
  const question = turn.data<string | null>('question');
  if (turn.conv.flow !== 'ask' || !question) return startAsk(turn, null);
  await forward(turn, question, turn.data<string | null>('challengeId') ?? null);
}

async function forward(turn: Turn, text: string, challengeId: string | null): Promise<void> {
  const r = await askQuestion(turn.deps, turn.citizen.id, { text, locale: turn.locale, challengeId });
  turn.done();
  if (!r.ok) return turn.sayError(r.error, [[btn(turn.t.btnMenu, 'menu')]]);
  showMenu(turn, turn.t.questionForwarded);
}
