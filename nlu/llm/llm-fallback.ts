import { z } from 'zod';
import type { Locale } from '../../core/model/locale';
import type { DateEntity, Intent, MoneyEntity, NumberEntity } from '../types';
import { INTENTS, isIntent } from '../types';

/** A chat message as LangChain accepts it: role and text (no @langchain/core import needed). */
export type ChatTurn = ['system' | 'human', string];

/**
 * What the fallback needs of a LangChain chat model (BaseChatModel has it; tests use
 * FakeListChatModel). Messages are passed as [role, text] pairs, which LangChain converts itself,
 * so the NLU does not load @langchain/core (a quarter of a second) unless a model is configured.
 */
export interface ChatModelLike {
  invoke(input: ChatTurn[], options?: { signal?: AbortSignal }): Promise<{ content: unknown }>;
}

/** The model's reading of a message, checked. */
export interface LlmReading {
  intent: Intent;
  confidence: number;
  entities: (MoneyEntity | NumberEntity | DateEntity)[];
}

export const LLM_TIMEOUT_MS = 4000;

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', el: 'Greek', bg: 'Bulgarian', cs: 'Czech' };

// Short glosses, so the model does not have to guess what our intent names mean.
const GLOSSES: Record<(typeof INTENTS)[number], string> = {
  greet: 'hello',
  goodbye: 'bye',
  thanks: 'thank you',
  help: 'how does this bot work, menu',
  affirm: 'yes / confirm',
  deny: 'no / that is wrong',
  cancel: 'stop or abort the current step',
  list_challenges: 'which budgets or calls are open',
  propose: 'submit a new idea or project',
  support: "back someone's proposal before the vote",
  vote: 'cast or change a ballot',
  my_activity: 'my proposals, votes, supports, follows',
  follow: 'get updates about a project',
  unfollow: 'stop updates',
  project_status: 'progress of a project being built',
  results: 'who won the vote',
  ask_official: 'talk to a person at the municipality',
  faq: 'question about the rules of participatory budgeting',
  change_language: 'switch the bot language',
  delete_data: 'erase my account and data',
};

function systemPrompt(language: Locale): string {
  return [
    'You classify messages citizens send to a participatory-budgeting chatbot of a municipality.',
    `The message is probably in ${LANGUAGE_NAMES[language]}; it may lack accents or use Latin letters.`,
    'Answer with one JSON object and nothing else:',
    '{"intent": <one of the names below or "none">, "confidence": <0..1>, "entities": [...]}',
    'Each entity is {"type": "money"|"number"|"date", "text": <the exact words in the message>,',
    '"value": <number, or YYYY-MM-DD for dates>, "currency": <ISO code or null, money only>}.',
    'Use "none" when the message is about something else or you are unsure.',
    'Intents:',
    ...INTENTS.map((i) => `- ${i}: ${GLOSSES[i]}`),
  ].join('\n');
}

const EntitySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('money'),
    text: z.string().min(1),
    value: z.number().finite().nonnegative(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .nullable()
      .optional(),
  }),
  z.object({ type: z.literal('number'), text: z.string().min(1), value: z.number().finite() }),
  z.object({
    type: z.literal('date'),
    text: z.string().min(1),
    value: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
]);

const AnswerSchema = z.object({
  intent: z.string(),
  confidence: z.number().min(0).max(1).optional(),
  entities: z.array(z.unknown()).optional(),
});

/** The JSON object in a model's reply (models like to wrap it in a code fence or a sentence). */
function jsonIn(content: unknown): unknown {
  const text =
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? content.map((p) => (typeof p === 'object' && p && 'text' in p ? String(p.text) : '')).join('')
        : '';
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

/**
 * Checks a reply against the contract ourselves (structured output in LangChain does not): a known
 * intent, and entities whose quoted text really is in the message (their offsets come from there;
 * invented ones are dropped). Anything else is null.
 */
export function readReply(content: unknown, message: string): LlmReading | null {
  const parsed = AnswerSchema.safeParse(jsonIn(content));
  if (!parsed.success || !isIntent(parsed.data.intent)) return null;
  const lower = message.toLowerCase();
  const entities: LlmReading['entities'] = [];
  for (const raw of parsed.data.entities ?? []) {
    const e = EntitySchema.safeParse(raw);
    if (!e.success) continue;
    const start = lower.indexOf(e.data.text.toLowerCase());
    if (start < 0) continue;
    const span = {
      text: message.slice(start, start + e.data.text.length),
      start,
      end: start + e.data.text.length,
    };
    if (e.data.type === 'money')
      entities.push({ type: 'money', value: e.data.value, currency: e.data.currency ?? null, ...span });
    else if (e.data.type === 'number') entities.push({ type: 'number', value: e.data.value, ...span });
    else if (!Number.isNaN(Date.parse(e.data.value)))
      entities.push({ type: 'date', value: e.data.value, ...span });
  }
  return { intent: parsed.data.intent, confidence: parsed.data.confidence ?? 0.5, entities };
}

/**
 * Asks the chat model, bounded by `timeoutMs` (the request is aborted, and we stop waiting even if
 * the model ignores the signal). Returns null on a timeout, an error or an answer that fails the check.
 */
export async function askModel(
  model: ChatModelLike,
  message: string,
  language: Locale,
  timeoutMs = LLM_TIMEOUT_MS,
): Promise<LlmReading | null> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(null);
    }, timeoutMs);
  });
  try {
    const call = model
      .invoke(
        [
          ['system', systemPrompt(language)],
          ['human', message],
        ],
        { signal: controller.signal },
      )
      .then((reply) => readReply(reply.content, message))
      .catch(() => null);
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
