import { readFile } from 'node:fs/promises';
import { isLocale } from '../../core/model/locale';
import type { Locale } from '../../core/model/locale';
import type { FaqEntry } from '../../core/model/faq';
import type { Store } from '../../core/ports/store';
import type { FaqSource, Nlu, NluOptions, NluResult } from '../../nlu';
import { createNlu, generalFaqEntries, staticFaqSource, storeReferenceSource } from '../../nlu';
import type { Command } from '../cli-io';
import { loadConfig } from '../config';
import { openStore } from '../open-store';

const USAGE =
  'Usage: agora nlu "<text>" [--json] [--lang en|el|bg|cs] [--challenge <id>] [--no-store]\n' +
  '       agora nlu --batch <file> [--lang xx] [--challenge <id>] [--no-store]\n' +
  '  --batch reads one utterance per line (with TABs, the last column is the text; a header line\n' +
  '  naming the columns is skipped) and prints one JSON object per utterance, in order.\n' +
  '  Titles and the FAQ come from DATABASE_URL unless --no-store; LLM_MODEL enables the LLM fallback.\n';

interface Args {
  text?: string;
  batch?: string;
  json: boolean;
  lang?: Locale;
  challenge?: string;
  store: boolean;
}

/**
 * `agora nlu "<text>" [--json] [--lang xx]` and `agora nlu --batch <file>`: what the bot makes of a
 * message. `--json` (and every batch line) is one line `{"language","intent","confidence",
 * "entities",...}`; otherwise a readable summary. Bad arguments or an unreadable file: exit code 2.
 */
export const nluCommand: Command = async (argv, io) => {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`agora nlu: ${args}\n${USAGE}`);
    return 2;
  }
  let lines: string[] | undefined;
  if (args.batch !== undefined) {
    try {
      lines = utterances(await readFile(args.batch, 'utf8'));
    } catch (err) {
      io.stderr(
        `agora nlu: cannot read ${args.batch}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`,
      );
      return 2;
    }
  }
  const config = loadConfig();
  const store = args.store ? await openStore(config.DATABASE_URL) : null;
  try {
    const nlu = await createNlu(await nluOptions(store, config.LLM_MODEL));
    const parseOpts = { localeHint: args.lang, challengeId: args.challenge ?? null };
    if (lines) {
      for (const line of lines) io.stdout(`${JSON.stringify(jsonOf(await nlu.parse(line, parseOpts)))}\n`);
      return 0;
    }
    const result = await nlu.parse(args.text ?? '', parseOpts);
    io.stdout(args.json ? `${JSON.stringify(jsonOf(result))}\n` : readable(result, nlu));
    return 0;
  } finally {
    await store?.close();
  }
};

async function nluOptions(store: Store | null, llmModel: string | undefined): Promise<NluOptions> {
  // LangChain takes a quarter of a second to load: only when a model is configured.
  const llm = llmModel ? (await import('../../nlu/llm/chat-model')).createChatModel(llmModel) : null;
  if (!store) return { faq: staticFaqSource(generalFaqEntries()), llm };
  return { references: storeReferenceSource(store), faq: await withShippedFaq(store), llm };
}

/** The store's FAQ, with the shipped general FAQ standing in for a language the store has none of. */
async function withShippedFaq(store: Store): Promise<FaqSource> {
  const shipped = generalFaqEntries();
  return {
    async list(challengeId, locale): Promise<FaqEntry[]> {
      const stored = await store.faq.list(challengeId, locale);
      if (stored.length > 0 || challengeId !== null) return stored;
      return shipped.filter((e) => locale === undefined || e.locale === locale);
    },
  };
}

/** The contract's keys first, then what else there is (`faq`, `source`). */
function jsonOf(r: NluResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    language: r.language,
    intent: r.intent,
    confidence: r.confidence,
    entities: r.entities,
    source: r.source,
  };
  if (r.faq) out.faq = r.faq;
  return out;
}

function readable(r: NluResult, nlu: Nlu): string {
  const entities = r.entities.map((e) => {
    switch (e.type) {
      case 'money':
        return `money ${e.value}${e.currency ? ` ${e.currency}` : ''} "${e.text}"`;
      case 'project':
      case 'challenge':
        return `${e.type} ${e.id} (${e.score}) "${e.text}"`;
      default:
        return `${e.type} ${e.value} "${e.text}"`;
    }
  });
  const lines = [
    `${r.language}  ${r.intent}  ${r.confidence.toFixed(2)}  (${r.source})${entities.length ? `  ${entities.join('; ')}` : ''}`,
  ];
  if (r.faq) lines.push(`  FAQ (${r.faq.score}): ${r.faq.question}`, `  ${r.faq.answer}`);
  if (nlu.model.source === 'trained') lines.push(`  (model trained in ${nlu.model.loadMs} ms and cached)`);
  return `${lines.join('\n')}\n`;
}

const HEADER = /^(intent|label|text|utterance|message|id|lang|language)$/i;

/** Batch lines: the last TAB column, blank lines skipped, a header line of column names skipped. */
export function utterances(file: string): string[] {
  const lines = file.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const columns = line.split('\t');
    if (i === 0 && columns.length > 1 && columns.every((c) => HEADER.test(c.trim()))) return;
    out.push(columns[columns.length - 1] ?? '');
  });
  return out;
}

function parseArgs(argv: readonly string[]): Args | string {
  const texts: string[] = [];
  const out: Args = { json: false, store: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--json') out.json = true;
    else if (flag === '--no-store') out.store = false;
    else if (flag === '--batch') {
      const file = value();
      if (!file) return '--batch needs a file';
      out.batch = file;
    } else if (flag === '--challenge') out.challenge = value();
    else if (flag === '--lang') {
      const lang = value();
      if (!isLocale(lang)) return `--lang must be one of en, el, bg, cs (got "${lang ?? ''}")`;
      out.lang = lang;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else texts.push(a);
  }
  if (out.batch !== undefined && texts.length > 0) return 'give either a text or --batch <file>, not both';
  if (out.batch === undefined) {
    if (texts.length === 0) return 'missing the text to parse';
    out.text = texts.join(' ');
  }
  return out;
}
