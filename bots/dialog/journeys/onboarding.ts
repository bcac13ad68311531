import { LOCALES } from '../../../core/model/locale';
import type { Locale } from '../../../core/model/locale';
import { giveConsent, setLocale } from '../../../core/usecases/citizens/profile';
import { catalog } from '../i18n';
import type { Turn } from '../turn';
import { btn, rows, showMenu } from './common';

export function languageButtons() {
  return rows(LOCALES.map((l) => btn(catalog(l).languageName, 'lang', l)));
}

/** First contact: a welcome in the app's language, then the choice of language. */
export function startOnboarding(turn: Turn): void {
  turn.say(turn.t.welcome);
  turn.say(turn.t.chooseLanguage, languageButtons());
  turn.go('onboarding', 'language', {});
}

export function askLanguage(turn: Turn): void {
  turn.say(turn.t.chooseLanguage, languageButtons());
}

export async function chooseLanguage(turn: Turn, locale: Locale): Promise<void> {
  const r = await setLocale(turn.deps, turn.citizen.id, locale);
  if (!r.ok) return turn.sayError(r.error);
  turn.setLocale(locale);
  turn.say(turn.t.languageSet);
  if (!turn.citizen.consentAt && turn.conv.flow === 'onboarding') return askConsent(turn);
  if (turn.conv.flow === 'onboarding') turn.done();
  showMenu(turn);
}

export function askConsent(turn: Turn): void {
  turn.say(turn.t.privacy, [[btn(turn.t.consentYes, 'consent', 'y'), btn(turn.t.consentNo, 'consent', 'n')]]);
  turn.go('onboarding', 'consent', turn.conv.flow === 'onboarding' ? turn.conv.data : {});
}

export async function answerConsent(turn: Turn, yes: boolean): Promise<void> {
  turn.done();
  if (!yes) return showMenu(turn, turn.t.consentDeclined);
  const r = await giveConsent(turn.deps, turn.citizen.id);
  if (!r.ok) return turn.sayError(r.error);
  turn.citizen = r.value;
  showMenu(turn, turn.t.consentThanks);
}

/**
 * Participation (propose, support, vote, ask, rate) needs consent. Without it, the privacy notice is
 * shown with its buttons and the caller stops; nothing the citizen asked for is lost, they ask again.
 */
export function hasConsent(turn: Turn): boolean {
  if (turn.citizen.consentAt) return true;
  turn.say(turn.t.consentNeeded);
  askConsent(turn);
  return false;
}
