import { LOCALES } from '../../core/model/locale';
import type { Locale } from '../../core/model/locale';
import type { NluResult } from '../../nlu/types';
import type { Turn } from './turn';
import { myActivity, setFollow } from './journeys/activity';
import { answerFromFaq, askText, startAsk } from './journeys/ask';
import { listChallenges, showProject } from './journeys/browse';
import { referenced, showMenu } from './journeys/common';
import { cancel, fallback, help } from './journeys/menu';
import { answerConsent, askConsent, askLanguage, chooseLanguage } from './journeys/onboarding';
import { proposeText, review, startPropose, submit } from './journeys/propose';
import { showResults } from './journeys/results';
import { confirmDelete, enterLinkCode, municipalCode, settingsAction } from './journeys/settings';
import { support } from './journeys/support';
import { startVote, toggle } from './journeys/vote';

/** How sure the NLU must be before "cancel" interrupts a step that is waiting for free text. */
const ESCAPE_CONFIDENCE = 0.7;

/** What a citizen may type to choose a language, besides writing in it. */
const LANGUAGE_WORDS: Record<Locale, RegExp> = {
  en: /^(english|eng|en|αγγλικά|английски|angličtina|anglicky)$/i,
  el: /^(ελληνικά|ελληνικα|greek|el|gr|ellinika|гръцки|řečtina|řecky)$/i,
  bg: /^(български|bulgarian|bg|bulgarski|βουλγαρικά|bulharština|bulharsky)$/i,
  cs: /^(čeština|cestina|česky|cesky|czech|cs|cz|τσέχικα|чешки)$/i,
};

async function understand(turn: Turn, text: string): Promise<NluResult> {
  const challengeId = turn.data<string>('challengeId') ?? null;
  const r = await turn.deps.nlu.parse(text, { localeHint: turn.locale, challengeId });
  turn.understood = r;
  return r;
}

/** Free text: the answer to the step in progress if there is one, else whatever the citizen asks. */
export async function handleText(turn: Turn, text: string): Promise<void> {
  const { flow, step } = turn.conv;
  if (flow) {
    const r = await understand(turn, text);
    const intent = r.confidence >= ESCAPE_CONFIDENCE ? r.intent : 'none';
    // Only a short "stop"/"άκυρο" interrupts: a proposal titled "Stop signs near the school" must not.
    if (intent === 'cancel' && text.trim().split(/\s+/).length <= 4) return cancel(turn);
    switch (`${flow}/${step}`) {
      case 'onboarding/language': {
        const named = LOCALES.find((l) => LANGUAGE_WORDS[l].test(text.trim()));
        return chooseLanguage(turn, named ?? r.language);
      }
      case 'onboarding/consent':
        if (intent === 'affirm' || intent === 'deny') return answerConsent(turn, intent === 'affirm');
        // A clear request ("show me the results") is answered; taking part will ask for consent again.
        if (intent !== 'none') break;
        return askConsent(turn);
      case 'propose/review':
        if (intent === 'affirm') return submit(turn);
        if (intent === 'deny') return cancel(turn);
        return review(turn);
      case 'propose/title':
      case 'propose/description':
      case 'propose/cost':
      case 'propose/location':
        return proposeText(turn, text);
      case 'ask/text':
        return askText(turn, text);
      case 'verify/code':
        return municipalCode(turn, text);
      case 'link/code':
        return enterLinkCode(turn, text);
      case 'delete/confirm':
        return intent === 'affirm' ? confirmDelete(turn) : cancel(turn);
      case 'vote/build': {
        // "3" taps project number 3; anything else leaves the builder for what was asked.
        const ref = /^\s*#?(\d{1,4})\s*$/.exec(text)?.[1];
        if (ref) {
          const p = await turn.deps.store.proposals.getByRef(turn.data<string>('challengeId') ?? '', ref);
          if (p) return toggle(turn, p.id);
        }
        break;
      }
      default:
        break;
    }
    turn.done();
    return onIntent(turn, r, text);
  }
  return onIntent(turn, await understand(turn, text), text);
}

async function onIntent(turn: Turn, r: NluResult, text: string): Promise<void> {
  const project = referenced(turn, 'project');
  const challenge = referenced(turn, 'challenge');
  switch (r.intent) {
    case 'greet':
      return showMenu(turn, `${turn.t.greet} ${turn.t.menu}`);
    case 'goodbye':
      return turn.say(turn.t.goodbye);
    case 'thanks':
      return showMenu(turn, turn.t.thanks);
    case 'help':
      return help(turn);
    case 'cancel':
      return cancel(turn);
    case 'list_challenges':
      return listChallenges(turn, 0);
    case 'propose':
      return startPropose(turn, challenge);
    case 'support':
      return support(turn, project);
    case 'vote':
      return startVote(turn, challenge);
    case 'my_activity':
      return myActivity(turn);
    case 'follow':
    case 'unfollow': {
      const target = project
        ? ({ kind: 'project', id: project } as const)
        : challenge
          ? ({ kind: 'challenge', id: challenge } as const)
          : null;
      if (!target) return listChallenges(turn, 0);
      return setFollow(turn, target, r.intent === 'follow');
    }
    case 'project_status':
      return project ? showProject(turn, project) : myActivity(turn);
    case 'results':
      return showResults(turn, challenge);
    case 'ask_official':
      return startAsk(turn, challenge);
    case 'faq':
      if (r.faq) return answerFromFaq(turn, text, r.faq, challenge);
      return startAsk(turn, challenge);
    case 'change_language':
      return askLanguage(turn);
    case 'delete_data':
      return settingsAction(turn, 'del');
    case 'affirm':
    case 'deny':
    case 'none':
    default:
      if (r.faq) return answerFromFaq(turn, text, r.faq, challenge);
      return fallback(turn);
  }
}
