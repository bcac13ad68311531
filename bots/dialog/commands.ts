import type { Turn } from './turn';
import { listChallenges } from './journeys/browse';
import { cancel, help } from './journeys/menu';
import { showMenu } from './journeys/common';
import { askLanguage, startOnboarding } from './journeys/onboarding';
import { startPropose } from './journeys/propose';
import { startVote } from './journeys/vote';
import { showResults } from './journeys/results';
import { myActivity } from './journeys/activity';
import { startAsk } from './journeys/ask';
import { settingsAction, showSettings } from './journeys/settings';

type Handler = (turn: Turn) => Promise<void> | void;

/** Slash commands: the same journeys as buttons and free text (Telegram users expect them). */
const COMMANDS: Record<string, Handler> = {
  start: (turn) => {
    turn.done();
    if (!turn.citizen.consentAt) return startOnboarding(turn);
    showMenu(turn, `${turn.t.greet} ${turn.t.menu}`);
  },
  help,
  menu: (turn) => {
    turn.done();
    showMenu(turn);
  },
  challenges: (turn) => listChallenges(turn, 0),
  propose: (turn) => startPropose(turn, null),
  vote: (turn) => startVote(turn, null),
  results: (turn) => showResults(turn, null),
  my: myActivity,
  activity: myActivity,
  ask: (turn) => startAsk(turn, null),
  language: askLanguage,
  settings: showSettings,
  cancel,
  stop: cancel,
  delete: (turn) => settingsAction(turn, 'del'),
};

/** `/vote`, `/vote@AgoraBot` (Telegram groups) or `/Vote`: the handler, or null for an unknown command. */
export function commandHandler(text: string): Handler | null {
  const m = /^\/([a-z]+)(?:@\w+)?(?:\s|$)/i.exec(text.trim());
  if (!m) return null;
  return COMMANDS[(m[1] as string).toLowerCase()] ?? null;
}
