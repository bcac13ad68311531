import type { Intent } from './types';

// Chat apps send menu buttons and deep links as slash commands ("/start", "/help@agora_bot"):
// they mean exactly one thing, so no classifier is asked.
const COMMANDS: Readonly<Record<string, Intent>> = {
  start: 'greet',
  help: 'help',
  menu: 'help',
  cancel: 'cancel',
  stop: 'cancel',
  language: 'change_language',
  lang: 'change_language',
  delete: 'delete_data',
  forget: 'delete_data',
  challenges: 'list_challenges',
  open: 'list_challenges',
  propose: 'propose',
  support: 'support',
  vote: 'vote',
  my: 'my_activity',
  activity: 'my_activity',
  follow: 'follow',
  unfollow: 'unfollow',
  status: 'project_status',
  results: 'results',
  ask: 'ask_official',
  faq: 'faq',
};

const COMMAND_RE = /^\/([a-z_]+)(?:@\w+)?(?:\s|$)/i;

/** The intent of a message that is a bot command, or null. */
export function commandIntent(text: string): Intent | null {
  const m = COMMAND_RE.exec(text);
  return m ? (COMMANDS[(m[1] ?? '').toLowerCase()] ?? null) : null;
}
