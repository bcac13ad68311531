import { ChatOllama } from '@langchain/ollama';
import { ChatOpenAI } from '@langchain/openai';
import type { ChatModelLike } from './llm-fallback';

/** The environment variables the factory reads. */
export interface ChatModelEnv {
  OPENAI_BASE_URL?: string;
  OPENAI_API_KEY?: string;
  OLLAMA_BASE_URL?: string;
}

const PROVIDERS = ['openai', 'ollama'] as const;

/**
 * The chat model named by LLM_MODEL (`openai:gpt-4o-mini`, `ollama:llama3.1`), or null when it is
 * unset or blank (the fallback is off by default). Base URLs come from OPENAI_BASE_URL and
 * OLLAMA_BASE_URL when set. Temperature 0 and no retries: the fallback has a few seconds at most.
 * An unknown provider or a missing model name throws, naming the variable, at start-up.
 */
export function createChatModel(
  spec: string | undefined,
  env: ChatModelEnv = process.env,
): ChatModelLike | null {
  if (spec === undefined || spec.trim() === '') return null;
  const at = spec.indexOf(':');
  const provider = at < 0 ? spec.trim() : spec.slice(0, at).trim();
  const model = at < 0 ? '' : spec.slice(at + 1).trim();
  if (!(PROVIDERS as readonly string[]).includes(provider))
    throw new Error(
      `LLM_MODEL: unknown provider "${provider}" in "${spec}"; use ${PROVIDERS.map((p) => `${p}:<model>`).join(' or ')}`,
    );
  if (model === '')
    throw new Error(`LLM_MODEL: "${spec}" names no model; e.g. ${provider}:${example(provider)}`);
  if (provider === 'openai') {
    const baseURL = env.OPENAI_BASE_URL?.trim() || undefined;
    return new ChatOpenAI({
      model,
      temperature: 0,
      maxRetries: 0,
      // A local OpenAI-compatible server (llama.cpp, vLLM) usually wants no key at all.
      apiKey: env.OPENAI_API_KEY ?? (baseURL ? 'unused' : undefined),
      configuration: baseURL ? { baseURL } : undefined,
    });
  }
  return new ChatOllama({ model, temperature: 0, baseUrl: env.OLLAMA_BASE_URL?.trim() || undefined });
}

const example = (provider: string): string => (provider === 'openai' ? 'gpt-4o-mini' : 'llama3.1');
