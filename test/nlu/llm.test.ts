import { FakeListChatModel } from '@langchain/core/utils/testing';
import { createChatModel } from '../../nlu/llm/chat-model';
import { askModel, readReply } from '../../nlu/llm/llm-fallback';
import { testNlu } from './support';

// Not any intent's words: the classifier leaves these to the LLM.
const UNCLEAR = 'zzkrt blorp vintage flumox';

describe('LLM fallback', () => {
  it('uses a valid answer for a message the classifier cannot place', async () => {
    const llm = new FakeListChatModel({
      responses: [
        '```json\n{"intent": "vote", "confidence": 0.8, "entities": [{"type": "money", "text": "flumox", "value": 10, "currency": "EUR"}, {"type": "date", "text": "not in the message", "value": "2026-03-03"}]}\n```',
      ],
    });
    const nlu = await testNlu({ llm });
    const r = await nlu.parse(UNCLEAR, { localeHint: 'en' });
    expect(r).toMatchObject({ intent: 'vote', confidence: 0.8, source: 'llm' });
    // Entities are kept only where their text really is in the message.
    expect(r.entities).toEqual([
      { type: 'money', value: 10, currency: 'EUR', text: 'flumox', start: 20, end: 26 },
    ]);
  });

  it('falls back to none on invalid JSON', async () => {
    const nlu = await testNlu({
      llm: new FakeListChatModel({ responses: ['I think the user wants to vote.'] }),
    });
    expect(await nlu.parse(UNCLEAR, { localeHint: 'en' })).toMatchObject({
      intent: 'none',
      source: 'classifier',
    });
  });

  it('falls back to none on an intent outside the contract', async () => {
    const nlu = await testNlu({
      llm: new FakeListChatModel({ responses: ['{"intent": "order_pizza", "confidence": 0.99}'] }),
    });
    expect(await nlu.parse(UNCLEAR, { localeHint: 'en' })).toMatchObject({
      intent: 'none',
      source: 'classifier',
    });
  });

  it('falls back to none when the model is too slow', async () => {
    const llm = new FakeListChatModel({ responses: ['{"intent": "vote"}'], sleep: 2000 });
    const nlu = await testNlu({ llm, llmTimeoutMs: 50 });
    const t0 = Date.now();
    expect(await nlu.parse(UNCLEAR, { localeHint: 'en' })).toMatchObject({ intent: 'none' });
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('falls back to none when the model throws', async () => {
    const llm = { invoke: () => Promise.reject(new Error('connection refused')) };
    const nlu = await testNlu({ llm });
    expect(await nlu.parse(UNCLEAR, { localeHint: 'en' })).toMatchObject({ intent: 'none' });
  });

  it('is not asked about messages the classifier understands', async () => {
    let calls = 0;
    const llm = { invoke: async () => (calls++, { content: '{"intent": "vote"}' }) };
    const nlu = await testNlu({ llm });
    expect((await nlu.parse('thank you so much', { localeHint: 'en' })).intent).toBe('thanks');
    expect((await nlu.parse('')).intent).toBe('none');
    expect(calls).toBe(0);
  });

  it('checks replies itself', () => {
    expect(readReply('{"intent": "results"}', 'x')).toEqual({
      intent: 'results',
      confidence: 0.5,
      entities: [],
    });
    expect(readReply('{"intent": "results", "confidence": 7}', 'x')).toBeNull();
    expect(readReply('{"intent": 3}', 'x')).toBeNull();
    expect(readReply([{ type: 'text', text: '{"intent": "greet"}' }], 'x')?.intent).toBe('greet');
    expect(readReply(undefined, 'x')).toBeNull();
    expect(
      readReply(
        '{"intent": "propose", "entities": [{"type": "date", "text": "zítra", "value": "tomorrow"}]}',
        'zítra',
      )?.entities,
    ).toEqual([]);
  });

  it('times out on its own even if the model ignores the abort signal', async () => {
    const never = { invoke: () => new Promise<{ content: unknown }>(() => undefined) };
    expect(await askModel(never, 'hello', 'en', 20)).toBeNull();
  });
});

describe('createChatModel', () => {
  it('is off when LLM_MODEL is unset or blank', () => {
    expect(createChatModel(undefined)).toBeNull();
    expect(createChatModel('  ')).toBeNull();
  });

  it('builds the OpenAI and Ollama models, honouring the base URLs', () => {
    const openai = createChatModel('openai:gpt-4o-mini', {
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
    }) as unknown as {
      model: string;
      clientConfig?: { baseURL?: string };
    };
    expect(openai.model).toBe('gpt-4o-mini');
    const ollama = createChatModel('ollama:llama3.1', {
      OLLAMA_BASE_URL: 'http://127.0.0.1:9',
    }) as unknown as {
      model: string;
      baseUrl: string;
    };
    expect(ollama.model).toBe('llama3.1');
    expect(ollama.baseUrl).toBe('http://127.0.0.1:9');
  });

  it('names the problem for an unknown provider or a missing model', () => {
    expect(() => createChatModel('mistral:large')).toThrow(
      /LLM_MODEL: unknown provider "mistral".*openai:<model> or ollama:<model>/,
    );
    expect(() => createChatModel('openai:')).toThrow(/LLM_MODEL: "openai:" names no model/);
  });
});
