import { bg } from '../../../../bots/dialog/i18n/bg';
import { cs } from '../../../../bots/dialog/i18n/cs';
import { el } from '../../../../bots/dialog/i18n/el';
import type { Catalog } from '../../../../bots/dialog/i18n/en';
import { en } from '../../../../bots/dialog/i18n/en';

type Lang = 'el' | 'bg' | 'cs';
type Fn = (...args: unknown[]) => unknown;
interface Node {
  path: string;
  value: unknown;
}

const CATALOGS: [Lang, Catalog][] = [
  ['el', el],
  ['bg', bg],
  ['cs', cs],
];

// ---------------------------------------------------------------------------------------------------
// Walking the catalogs

const kindOf = (v: unknown): string =>
  typeof v === 'function' ? 'function' : typeof v === 'object' && v !== null ? 'object' : typeof v;

/** Every node under `root` (objects too), depth first, with its dotted path. */
function nodes(root: unknown, prefix = ''): Node[] {
  if (kindOf(root) !== 'object') return [];
  return Object.entries(root as Record<string, unknown>).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [{ path, value }, ...nodes(value, path)];
  });
}

/** The leaves only: strings and functions. */
const leaves = (root: unknown): Node[] => nodes(root).filter((n) => kindOf(n.value) !== 'object');

function at(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split('.')) {
    if (kindOf(node) !== 'object' || !Object.hasOwn(node as object, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

// ---------------------------------------------------------------------------------------------------
// Sample arguments

/** String placeholders: distinctive and digit-free, so number checks cannot be fooled by them. */
const S = ['‹A›', '‹B›', '‹C›', '‹D›', '‹E›', '‹F›'] as const;
const [A, B, C, D, E] = S;

/**
 * Calls for the functions whose parameters are not all plain strings (counts, booleans, nullable or
 * possibly empty strings), with the counts that exercise every plural form. Every other function gets
 * `fn.length` string placeholders; the English catalog itself checks that this default is right.
 */
const CALLS: Record<string, unknown[][]> = {
  challengesTitle: [
    [1, 1],
    [1, 3],
    [2, 5],
  ],
  challengeLine: [
    [A, B, C, D],
    [A, B, C, null],
  ],
  challengeDetail: [
    [A, B, C, D, E],
    [A, B, C, D, null],
  ],
  projectsTitle: [
    [A, 1, 1],
    [A, 2, 5],
  ],
  projectDetail: [
    [A, B, C, D, E],
    [A, B, C, D, ''],
  ],
  ballotApproval: [
    [A, 1, 1, 0],
    [A, 2, 2, 1],
    [A, 3, 3, 2],
    [A, 5, 5, 5],
    [A, 1, 3, 2],
    [A, 2, 5, 4],
  ],
  ballotRanked: [
    [A, 1],
    [A, 3],
    [A, 5],
  ],
  ballotCumulative: [
    [A, 1, 10],
    [A, 0, 5],
    [A, 3, 3],
  ],
  ballotTooMany: [[1], [2], [5]],
  activityFollows: [[0], [1], [2], [5], [21]],
  resultsTitle: [
    [A, 0, B, C],
    [A, 1, B, C],
    [A, 2, B, C],
    [A, 5, B, C],
  ],
  rated: [[1], [4], [5]],
  linkCode: [
    [A, 1],
    [A, 2],
    [A, 5],
    [A, 15],
  ],
  settingsTitle: [
    [A, true, B],
    [A, false, B],
  ],
  'notify.results': [
    [A, 1],
    [A, 2],
    [A, 5],
  ],
};

const callsFor = (path: string, fn: Fn): unknown[][] => CALLS[path] ?? [S.slice(0, fn.length)];

const stringArgs = (args: unknown[]): string[] =>
  args.filter((a): a is string => typeof a === 'string' && a !== '');
const numberArgs = (args: unknown[]): number[] => args.filter((a): a is number => typeof a === 'number');

/** `n` as a whole number in `text` (so 1 is not found inside 15). */
const showsNumber = (text: string, n: number): boolean => new RegExp(`(?<!\\d)${n}(?!\\d)`).test(text);

interface Output {
  path: string;
  args: unknown[];
  text: unknown;
}

/**
 * Every function of `catalog` called with every sample, in the order of the English keys (so the
 * outputs of two catalogs line up index by index). A missing function gives `undefined` text.
 */
function outputs(catalog: unknown): Output[] {
  return leaves(en)
    .filter((n) => typeof n.value === 'function')
    .flatMap((n) => {
      const fn = at(catalog, n.path);
      return callsFor(n.path, n.value as Fn).map((args) => ({
        path: n.path,
        args,
        text: typeof fn === 'function' ? (fn as Fn)(...args) : undefined,
      }));
    });
}

/** Every sentence a catalog can produce with the samples (its strings, then its functions' outputs), in English key order. */
function texts(catalog: unknown): { path: string; text: string }[] {
  const strings = leaves(en)
    .filter((n) => typeof n.value === 'string')
    .map((n) => ({ path: n.path, text: String(at(catalog, n.path)) }));
  const results = outputs(catalog).map((o) => ({ path: o.path, text: String(o.text) }));
  return [...strings, ...results];
}

// ---------------------------------------------------------------------------------------------------
// Language expectations

const QUOTES: Record<Lang, [string, string]> = { el: ['«', '»'], bg: ['„', '“'], cs: ['„', '“'] };

const GREEK = /[\u0370-\u03ff\u1f00-\u1fff]/u;
const CYRILLIC = /[\u0400-\u04ff]/u;
const LATIN = /[a-z]/i;
const CZECH_LETTERS = [...'ěščřžýáíéůú'];

/** Latin text allowed inside Greek and Bulgarian sentences: commands, the bot's name, the placeholders. */
const withoutAllowedLatin = (text: string): string =>
  text
    .replace(/\/[a-z]+/g, '')
    .replace(/Agora/g, '')
    .replace(/‹[A-Z]›/g, '');

/** Emoji (and the spaces and line breaks next to them) that open or close a string. */
const EMOJI_EDGE = '(?:[\\p{Extended_Pictographic}\\u{FE0F}\\u{200D}]|\\s)*';
const lead = (s: string): string => new RegExp(`^${EMOJI_EDGE}`, 'u').exec(s)?.[0] ?? '';
const trail = (s: string): string => new RegExp(`${EMOJI_EDGE}$`, 'u').exec(s)?.[0] ?? '';

/** Values that are right to keep exactly as in English: pure placement of already-translated parts. */
const SAME_TEMPLATE = ['faqAnswer', 'notify.announcement', 'projectLine'];
const SAME_AS_ENGLISH: Record<Lang, string[]> = {
  el: SAME_TEMPLATE,
  bg: SAME_TEMPLATE,
  cs: [...SAME_TEMPLATE, 'btnMenu'], // "Menu" is the Czech word too
};

/** Plural forms: [function, arguments, text the result must contain]. */
const PLURALS: Record<Lang, [string, unknown[], string][]> = {
  el: [
    ['activityFollows', [1], 'Παρακολουθείτε 1 θέμα.'],
    ['activityFollows', [5], 'Παρακολουθείτε 5 θέματα.'],
    ['ballotApproval', [A, 1, 1, 0], 'Επιλέξτε 1 έργο '],
    ['ballotApproval', [A, 3, 3, 0], 'Επιλέξτε 3 έργα '],
    ['ballotApproval', [A, 1, 3, 0], 'από 1 έως 3 έργα '],
    ['ballotTooMany', [1], 'έως 1 έργο.'],
    ['ballotTooMany', [4], 'έως 4 έργα.'],
    ['resultsTitle', [A, 1, B, C], '1 έργο χρηματοδοτείται'],
    ['resultsTitle', [A, 5, B, C], '5 έργα χρηματοδοτούνται'],
    ['linkCode', [A, 1], '1 λεπτό'],
    ['linkCode', [A, 15], '15 λεπτά'],
    ['notify.results', [A, 1], '1 έργο θα χρηματοδοτηθεί'],
    ['notify.results', [A, 5], '5 έργα θα χρηματοδοτηθούν'],
  ],
  bg: [
    ['activityFollows', [1], 'Следите 1 тема.'],
    ['activityFollows', [5], 'Следите 5 теми.'],
    ['ballotApproval', [A, 1, 1, 0], 'Изберете 1 проект '],
    ['ballotApproval', [A, 3, 3, 0], 'Изберете 3 проекта '],
    ['ballotApproval', [A, 1, 3, 0], 'от 1 до 3 проекта '],
    ['ballotTooMany', [1], 'най-много 1 проект.'],
    ['ballotTooMany', [4], 'най-много 4 проекта.'],
    ['resultsTitle', [A, 1, B, C], '1 финансиран проект,'],
    ['resultsTitle', [A, 5, B, C], '5 финансирани проекта,'],
    ['linkCode', [A, 1], '1 минута'],
    ['linkCode', [A, 15], '15 минути'],
    ['notify.results', [A, 1], '1 проект ще бъде финансиран'],
    ['notify.results', [A, 5], '5 проекта ще бъдат финансирани'],
  ],
  cs: [
    ['activityFollows', [0], 'Sledujete 0 položek.'],
    ['activityFollows', [1], 'Sledujete 1 položku.'],
    ['activityFollows', [3], 'Sledujete 3 položky.'],
    ['activityFollows', [5], 'Sledujete 5 položek.'],
    ['ballotApproval', [A, 1, 1, 0], 'Vyberte 1 projekt '],
    ['ballotApproval', [A, 3, 3, 0], 'Vyberte 3 projekty '],
    ['ballotApproval', [A, 5, 5, 0], 'Vyberte 5 projektů '],
    ['ballotApproval', [A, 1, 3, 0], 'Vyberte 1 až 3 projekty '],
    ['ballotApproval', [A, 2, 6, 0], 'Vyberte 2 až 6 projektů '],
    ['ballotTooMany', [1], 'nejvýše 1 projekt.'],
    ['ballotTooMany', [2], 'nejvýše 2 projekty.'],
    ['ballotTooMany', [5], 'nejvýše 5 projektů.'],
    ['resultsTitle', [A, 1, B, C], '1 financovaný projekt,'],
    ['resultsTitle', [A, 4, B, C], '4 financované projekty,'],
    ['resultsTitle', [A, 12, B, C], '12 financovaných projektů,'],
    ['linkCode', [A, 1], 'Do 1 minuty'],
    ['linkCode', [A, 2], 'Do 2 minut'],
    ['linkCode', [A, 15], 'Do 15 minut'],
    ['notify.results', [A, 1], '1 projekt bude financován'],
    ['notify.results', [A, 3], '3 projekty budou financovány'],
    ['notify.results', [A, 7], '7 projektů bude financováno'],
  ],
};

// ---------------------------------------------------------------------------------------------------

describe('the English catalog and the sample calls', () => {
  it('has a sample call of the right arity for every function listed in CALLS', () => {
    const wrong = Object.entries(CALLS)
      .filter(([path, calls]) => {
        const fn = at(en, path);
        return typeof fn !== 'function' || calls.some((args) => args.length !== fn.length);
      })
      .map(([path]) => path);
    expect(wrong).toEqual([]);
  });

  it('shows every string argument of every sample call (else the function needs its own CALLS entry)', () => {
    const bad = outputs(en)
      .filter(
        (o) => typeof o.text !== 'string' || stringArgs(o.args).some((a) => !(o.text as string).includes(a)),
      )
      .map((o) => `${o.path}(${o.args.map(String).join(', ')})`);
    expect(bad).toEqual([]);
  });
});

describe.each(CATALOGS)('the %s catalog', (lang, catalog) => {
  const english = texts(en);
  const translated = texts(catalog);

  it('has every key of the English catalog, with the same kind, and no other key', () => {
    const mismatched = nodes(en)
      .filter((n) => kindOf(at(catalog, n.path)) !== kindOf(n.value))
      .map((n) => `${n.path}: ${kindOf(at(catalog, n.path))} instead of ${kindOf(n.value)}`);
    const extra = nodes(catalog)
      .filter((n) => at(en, n.path) === undefined)
      .map((n) => `${n.path}: not in English`);
    expect([...mismatched, ...extra]).toEqual([]);
  });

  it('takes the same parameters as English in every function', () => {
    const wrong = leaves(en)
      .filter((n) => typeof n.value === 'function')
      .filter((n) => (at(catalog, n.path) as Fn).length !== (n.value as Fn).length)
      .map((n) => n.path);
    expect(wrong).toEqual([]);
  });

  it('has no empty string', () => {
    expect(translated.filter((t) => t.text.trim() === '').map((t) => t.path)).toEqual([]);
  });

  it('returns a non-empty string from every function, keeping every argument English shows', () => {
    const englishOut = outputs(en);
    const problems = outputs(catalog).flatMap((o, i) => {
      const call = `${o.path}(${o.args.map(String).join(', ')})`;
      if (typeof o.text !== 'string' || o.text.trim() === '') return [`${call}: no text`];
      const text = o.text;
      const englishText = String(englishOut[i]?.text);
      const lost = [
        ...stringArgs(o.args).filter((a) => !text.includes(a)),
        ...numberArgs(o.args).filter((n) => showsNumber(englishText, n) && !showsNumber(text, n)),
      ];
      return lost.length ? [`${call}: lost ${lost.join(', ')} in ${JSON.stringify(text)}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('tells apart what English tells apart (plural and boolean branches are not dropped)', () => {
    const englishOut = outputs(en);
    const merged: string[] = [];
    const out = outputs(catalog);
    out.forEach((o, i) =>
      out.forEach((p, j) => {
        if (j <= i || p.path !== o.path) return;
        if (englishOut[i]?.text !== englishOut[j]?.text && o.text === p.text) {
          merged.push(`${o.path}(${o.args.map(String).join(', ')}) = (${p.args.map(String).join(', ')})`);
        }
      }),
    );
    expect(merged).toEqual([]);
  });

  it('uses the right plural forms', () => {
    const wrong = PLURALS[lang]
      .map(([path, args, expected]) => ({ path, args, expected, text: (at(catalog, path) as Fn)(...args) }))
      .filter((r) => typeof r.text !== 'string' || !r.text.includes(r.expected))
      .map(
        (r) =>
          `${r.path}(${r.args.map(String).join(', ')}) = ${JSON.stringify(r.text)}, expected ${r.expected}`,
      );
    expect(wrong).toEqual([]);
  });

  it('writes in its own script', () => {
    const wrong = translated.filter((t) => {
      // Pure templates ("‹A›: ‹B›") have no words of their own to check.
      if (!/\p{L}/u.test(t.text.replace(/‹[A-Z]›/g, ''))) return false;
      if (lang === 'el')
        return !GREEK.test(t.text) || CYRILLIC.test(t.text) || LATIN.test(withoutAllowedLatin(t.text));
      if (lang === 'bg')
        return !CYRILLIC.test(t.text) || GREEK.test(t.text) || LATIN.test(withoutAllowedLatin(t.text));
      return !LATIN.test(t.text) || GREEK.test(t.text) || CYRILLIC.test(t.text);
    });
    expect(wrong.map((t) => `${t.path}: ${JSON.stringify(t.text)}`)).toEqual([]);
  });

  if (lang === 'cs') {
    it('writes Czech with its diacritics', () => {
      const all = translated.map((t) => t.text).join('\n');
      const used = CZECH_LETTERS.filter((l) => all.includes(l));
      expect(used.length).toBeGreaterThanOrEqual(8);
    });
  }

  it('translates everything (only the allowlisted values equal English)', () => {
    const identical = [
      ...leaves(en)
        .filter((n) => typeof n.value === 'string' && at(catalog, n.path) === n.value)
        .map((n) => n.path),
      ...leaves(en)
        .filter((n) => typeof n.value === 'function')
        .filter((n) => {
          const args = callsFor(n.path, n.value as Fn)[0] ?? [];
          return (at(catalog, n.path) as Fn)(...args) === (n.value as Fn)(...args);
        })
        .map((n) => n.path),
    ].sort();
    expect(identical).toEqual([...SAME_AS_ENGLISH[lang]].sort());
  });

  it('puts titles in the language’s own quotation marks and uses no straight double quotes', () => {
    const [open, close] = QUOTES[lang];
    const englishOut = outputs(en);
    const badQuotes = outputs(catalog)
      .filter((o, i) =>
        stringArgs(o.args).some(
          (a) =>
            String(englishOut[i]?.text).includes(`"${a}"`) && !String(o.text).includes(`${open}${a}${close}`),
        ),
      )
      .map((o) => `${o.path}: ${JSON.stringify(o.text)}`);
    const straight = translated.filter((t) => t.text.includes('"')).map((t) => t.path);
    expect([...badQuotes, ...straight]).toEqual([]);
  });

  if (lang === 'el') {
    it('uses the Greek question mark (;) instead of ?', () => {
      expect(translated.filter((t) => t.text.includes('?')).map((t) => t.path)).toEqual([]);
    });
  }

  it('keeps the emoji of the buttons, and line breaks, where English has them', () => {
    const wrong = english
      .map((t, i) => ({ path: t.path, en: t.text, tr: translated[i]?.text ?? '' }))
      .filter((t) => lead(t.tr) !== lead(t.en) || trail(t.tr) !== trail(t.en))
      .map((t) => `${t.path}: ${JSON.stringify(t.tr)}`);
    expect(wrong).toEqual([]);
  });

  it('keeps the commands of the help text', () => {
    const commands = (s: string): string[] => s.match(/\/[a-z]+/g) ?? [];
    expect(commands(catalog.help)).toEqual(commands(en.help));
  });

  it('names itself in its own language and says so when chosen', () => {
    const own: Record<Lang, [string, RegExp]> = {
      el: ['Ελληνικά', /ελληνικά/i],
      bg: ['Български', /български/i],
      cs: ['Čeština', /česky|češtin/i],
    };
    const [name, said] = own[lang];
    expect(catalog.languageName).toBe(name);
    expect(catalog.languageSet).toMatch(said);
  });
});
