import type { Deps } from '../core/usecases/deps';
import { renderResultsChart } from '../bots/dialog/chart/results-chart';
import { DialogEngine } from '../bots/dialog/engine';
import type { Nlu } from '../nlu';
import { createNlu, seedGeneralFaq, storeReferenceSource } from '../nlu';
import { createChatModel } from '../nlu/llm/chat-model';
import { ConfigError } from './config';
import type { Config } from './config';
import type { Logger } from './logger';

/**
 * The NLU (model from its cache; titles and FAQ from the store; the LLM fallback when LLM_MODEL is
 * set) and the conversation engine on top. The general FAQ is seeded on first start only.
 */
export async function buildEngine(
  config: Pick<Config, 'LLM_MODEL'>,
  deps: Deps,
  logger: Logger,
): Promise<{ engine: DialogEngine; nlu: Nlu }> {
  await seedGeneralFaq(deps.store, deps.clock);
  let llm;
  try {
    llm = createChatModel(config.LLM_MODEL);
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  const nlu = await createNlu({
    clock: deps.clock,
    references: storeReferenceSource(deps.store),
    faq: deps.store.faq,
    llm,
  });
  logger.info({ model: nlu.model, llm: config.LLM_MODEL ?? 'off' }, 'NLU ready');
  const engine = new DialogEngine(
    { ...deps, nlu, chart: renderResultsChart },
    logger.child({ module: 'dialog' }),
  );
  return { engine, nlu };
}
