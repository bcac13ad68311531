import type { Locale } from '../../core/model/locale';
import type { Nlu } from '../../nlu';
import type { DateEntity, Entity, MoneyEntity, NumberEntity } from '../../nlu/types';
import { extractAmounts, parseNumber } from '../../nlu/entities/amounts';
import { day } from '../../nlu/entities/calendar';
import { extractDates } from '../../nlu/entities/dates';
import { testNlu } from './support';

let nlu: Nlu;
// Training takes a few seconds when the corpus changed since the cached model.
beforeAll(async () => {
  nlu = await testNlu();
}, 60_000);

const entities = async (text: string, localeHint?: Locale): Promise<Entity[]> =>
  (await nlu.parse(text, localeHint ? { localeHint } : {})).entities;
const money = async (text: string, l: Locale): Promise<MoneyEntity[]> =>
  (await entities(text, l)).filter((e): e is MoneyEntity => e.type === 'money');
const dates = async (text: string, l: Locale): Promise<string[]> =>
  (await entities(text, l)).filter((e): e is DateEntity => e.type === 'date').map((e) => e.value);

// The same amount written inside a sentence of each language.
const SENTENCES: Record<Locale, (amount: string) => string> = {
  en: (a) => `I want to propose benches for ${a} please`,
  el: (a) => `θέλω να προτείνω παγκάκια με ${a} περίπου`,
  bg: (a) => `предлагам пейки за ${a} общо`,
  cs: (a) => `navrhuji lavičky za ${a} celkem`,
};

const AMOUNTS: [string, number, string | null][] = [
  ['5000', 5000, null],
  ['5.000 €', 5000, 'EUR'],
  ['5k', 5000, null],
  ['2,5 χιλ.', 2500, null],
  ['€ 1 200', 1200, 'EUR'],
  ['1.5 млн', 1_500_000, null],
  ['5 tis. Kč', 5000, 'CZK'],
  ['€2,5 χιλ.', 2500, 'EUR'],
];

describe('money', () => {
  for (const locale of ['en', 'el', 'bg', 'cs'] as Locale[]) {
    it.each(AMOUNTS)(`reads %s in a ${locale} sentence`, async (written, value, currency) => {
      const text = SENTENCES[locale](written);
      const found = await money(text, locale);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ value, currency, text: written });
      expect(text.slice(found[0]!.start, found[0]!.end)).toBe(written);
    });
  }

  it.each<[string, number, string | null]>([
    ['40 000 euro', 40_000, 'EUR'],
    ['300 лв.', 300, 'BGN'],
    ['10.000 лева', 10_000, 'BGN'],
    ['EUR 500', 500, 'EUR'],
    ['200 000 Kč', 200_000, 'CZK'],
    ['3 χιλιάδες ευρώ', 3000, 'EUR'],
    ['2 хиляди лева', 2000, 'BGN'],
    ['1,2 mil. Kč', 1_200_000, 'CZK'],
    ['$1,500.50', 1500.5, 'USD'],
    ['1.234,5 €', 1234.5, 'EUR'],
  ])('reads %s', async (text, value, currency) => {
    expect(extractAmounts(text)).toMatchObject([{ type: 'money', value, currency }]);
  });

  it('reads separators the European and the English way', () => {
    expect(parseNumber('5.000')).toBe(5000);
    expect(parseNumber('5,000')).toBe(5000);
    expect(parseNumber('1.000.000')).toBe(1_000_000);
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber('1.5')).toBe(1.5);
    expect(parseNumber('0.500')).toBe(0.5);
    expect(parseNumber('1 200')).toBe(1200);
  });
});

describe('numbers', () => {
  it.each<[Locale, string, number[]]>([
    ['en', 'vote for 5 and 7', [5, 7]],
    ['el', 'ψηφίζω το 3 και το 12', [3, 12]],
    ['bg', 'гласувам за 4', [4]],
    ['cs', 'hlasuju pro 2 a 9', [2, 9]],
  ])('keeps small counts and project numbers as numbers (%s)', async (l, text, values) => {
    const found = (await entities(text, l)).filter((e): e is NumberEntity => e.type === 'number');
    expect(found.map((e) => e.value)).toEqual(values);
  });

  it('keeps years and numbered projects out of money', () => {
    expect(extractAmounts('the 2024 budget')).toMatchObject([{ type: 'number', value: 2024 }]);
    expect(extractAmounts('project 1200')).toMatchObject([{ type: 'number', value: 1200 }]);
    expect(extractAmounts('έργο 1500')).toMatchObject([{ type: 'number', value: 1500 }]);
    expect(extractAmounts('návrh č. 1300')).toMatchObject([{ type: 'number', value: 1300 }]);
    expect(extractAmounts('#1234')).toMatchObject([{ type: 'number', value: 1234 }]);
  });

  it('leaves clock times alone', () => {
    expect(extractAmounts('at 10:30')).toEqual([]);
  });
});

describe('dates (today is Monday 2 March 2026)', () => {
  const relative: [string, Record<Locale, string>][] = [
    ['2026-03-02', { en: 'today', el: 'σήμερα', bg: 'днес', cs: 'dnes' }],
    ['2026-03-03', { en: 'tomorrow', el: 'αύριο', bg: 'утре', cs: 'zítra' }],
    ['2026-03-04', { en: 'the day after tomorrow', el: 'μεθαύριο', bg: 'вдругиден', cs: 'pozítří' }],
    ['2026-03-01', { en: 'yesterday', el: 'χθες', bg: 'вчера', cs: 'včera' }],
    [
      '2026-03-09',
      { en: 'next week', el: 'την επόμενη εβδομάδα', bg: 'следващата седмица', cs: 'příští týden' },
    ],
    ['2026-03-06', { en: 'on Friday', el: 'την Παρασκευή', bg: 'в петък', cs: 'v pátek' }],
    ['2026-03-09', { en: 'on Monday', el: 'τη Δευτέρα', bg: 'в понеделник', cs: 'v pondělí' }],
    ['2026-03-05', { en: 'in 3 days', el: 'σε 3 μέρες', bg: 'след 3 дни', cs: 'za 3 dny' }],
  ];
  for (const [value, words] of relative) {
    it.each(Object.entries(words) as [Locale, string][])(`%s: "%s" is ${value}`, async (l, w) => {
      expect(await dates(`${w} ok`, l)).toEqual([value]);
    });
  }

  it.each<[Locale, string]>([
    ['en', 'the vote closes on 12/3'],
    ['el', 'η ψηφοφορία κλείνει στις 12/3'],
    ['bg', 'гласуването приключва на 12/3'],
    ['cs', 'hlasování končí 12/3'],
  ])('reads 12/3 as 12 March, the nearest one (%s)', async (l, text) => {
    expect(await dates(text, l)).toEqual(['2026-03-12']);
  });

  it.each<[Locale, string]>([
    ['en', 'results on 12.3.2027'],
    ['el', 'αποτελέσματα στις 12.3.2027'],
    ['bg', 'резултати на 12.3.2027'],
    ['cs', 'výsledky 12.3.2027'],
  ])('reads 12.3.2027 (%s)', async (l, text) => {
    expect(await dates(text, l)).toEqual(['2027-03-12']);
  });

  it.each<[string, string]>([
    ['12 March', '2026-03-12'],
    ['March 12', '2026-03-12'],
    ['12 Μαρτίου', '2026-03-12'],
    ['3 март 2027', '2027-03-03'],
    ['12. března', '2026-03-12'],
    ['12.3.', '2026-03-12'],
    ['2027-03-12', '2027-03-12'],
    ['1/12', '2025-12-01'],
    ['31/2', ''],
  ])('reads %s', (text, value) => {
    expect(extractDates(text, day(2026, 3, 2)).map((d) => d.value)).toEqual(value ? [value] : []);
  });

  it('resolves "today" in the municipality\'s time zone', async () => {
    const lateEvening = await testNlu({ clock: { now: () => new Date('2026-03-02T23:30:00Z') } });
    // 23:30 UTC is already Tuesday 00:30 in Prague.
    expect((await lateEvening.parse('today', { localeHint: 'en' })).entities).toMatchObject([
      { type: 'date', value: '2026-03-03' },
    ]);
  });

  it('does not read a date as numbers too', async () => {
    expect((await entities('12.3.2027', 'cs')).map((e) => e.type)).toEqual(['date']);
  });
});

describe('spans', () => {
  it('point into the text as the citizen typed it', async () => {
    const text = '  I  want\u0007 to   propose\tbenches for   5.000 €  tomorrow ';
    const found = await entities(text, 'en');
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(found.filter((e) => e.type === 'money' || e.type === 'date').map((e) => e.text)).toEqual([
      '5.000 €',
      'tomorrow',
    ]);
  });

  it('survives full-width digits', async () => {
    const found = await entities('５０００ €', 'en');
    expect(found).toMatchObject([{ type: 'money', value: 5000, currency: 'EUR', text: '５０００ €' }]);
  });
});
