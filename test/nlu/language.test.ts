import type { Locale } from '../../core/model/locale';
import type { Nlu } from '../../nlu';
import { testNlu } from './support';

let nlu: Nlu;
// Training takes a few seconds when the corpus changed since the cached model.
beforeAll(async () => {
  nlu = await testNlu();
}, 60_000);

const detect = async (text: string, localeHint?: Locale): Promise<Locale> =>
  (await nlu.parse(text, localeHint ? { localeHint } : {})).language;

describe('language detection', () => {
  it.each<[Locale, string]>([
    ['en', 'i want to vote'],
    ['en', 'thanks a lot'],
    ['en', 'who won?'],
    ['el', 'θέλω να ψηφίσω'],
    ['el', 'ευχαριστώ πολύ'],
    ['el', 'ποιος κέρδισε;'],
    ['bg', 'искам да гласувам'],
    ['bg', 'благодаря много'],
    ['bg', 'кой спечели?'],
    ['cs', 'chci hlasovat'],
    ['cs', 'děkuji moc'],
    ['cs', 'kdo vyhrál?'],
  ])('tells %s from two or three words: %s', async (lang, text) => {
    expect(await detect(text)).toBe(lang);
  });

  it.each(['θελω να ψηφισω', 'ποτε τελειωνει το εργο', 'ευχαριστω πολυ'])(
    'reads Greek without accents: %s',
    async (text) => {
      expect(await detect(text)).toBe('el');
    },
  );

  it.each(['chci hlasovat pro park', 'dekuji moc', 'kdy bude hotove hriste'])(
    'reads Czech without diacritics: %s',
    async (text) => {
      expect(await detect(text)).toBe('cs');
    },
  );

  it.each(['thelw na psifisw', 'efxaristw poli', 'pws paei to ergo'])(
    'reads Greeklish as Greek: %s',
    async (text) => {
      expect(await detect(text)).toBe('el');
    },
  );

  it.each(['iskam da glasuvam', 'blagodarya mnogo', 'kak vurvi proekta'])(
    'reads Latin-letter Bulgarian: %s',
    async (text) => {
      expect(await detect(text)).toBe('bg');
    },
  );

  it.each<[string, Locale]>([
    ['ok', 'el'],
    ['ok', 'cs'],
    ['5000', 'bg'],
    ['👍', 'cs'],
    ['ne', 'el'],
    ['ne', 'bg'],
    ['ne', 'cs'],
    ['', 'bg'],
  ])('keeps the citizen\'s locale when "%s" could be anything (%s)', async (text, hint) => {
    expect(await detect(text, hint)).toBe(hint);
  });

  it('lets clearly different text overrule the locale', async () => {
    expect(await detect('θέλω να ψηφίσω για το πάρκο', 'cs')).toBe('el');
    expect(await detect('искам да гласувам за парка', 'en')).toBe('bg');
    expect(await detect('chci hlasovat pro ten projekt', 'en')).toBe('cs');
  });

  it('is not thrown by links, mentions and commands', async () => {
    expect(await detect('https://www.praha7.cz/rozpocet chci hlasovat', 'en')).toBe('cs');
    expect(await detect('@agora_bot θέλω να ψηφίσω')).toBe('el');
  });

  it('falls back to English for text without letters and no locale', async () => {
    expect(await detect('12345')).toBe('en');
    expect(await detect('')).toBe('en');
  });
});
