import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-wasm';
import type { ChartProject, ResultsChartInput } from '../../../../bots/dialog/chart/results-chart';
import { renderResultsChart, resultsChartSvg } from '../../../../bots/dialog/chart/results-chart';
import { ensureResvg, resvgOptions } from '../../../../bots/dialog/chart/rasterise';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which always follows the signature. */
const size = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

const project = (label: string, votes: number, cost: number, selected: boolean): ChartProject => ({
  label,
  votes,
  cost,
  selected,
});

const chart = (projects: ChartProject[], over: Partial<ResultsChartInput> = {}): ResultsChartInput => ({
  title: 'Playgrounds 2025',
  subtitle: 'Method of Equal Shares · 2 of 3 projects funded',
  locale: 'en',
  currency: 'EUR',
  budget: 100_000,
  projects,
  legend: { selected: 'Funded', notSelected: 'Not funded', votes: 'votes' },
  ...over,
});

const many = (n: number) =>
  Array.from({ length: n }, (_, i) => project(`Project ${i + 1}`, 100 - i, 1000 * (i + 1), i < n / 2));

/** Intl separates digit groups with (narrow) no-break spaces, which vary across ICU versions. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** Counts the bars: one `<rect … height="22" rx="3"` per row. */
const barCount = (svg: string) => svg.match(/<rect [^>]*rx="3"/g)?.length ?? 0;

describe('resultsChartSvg', () => {
  it('escapes markup in citizen-written labels and titles', () => {
    const svg = resultsChartSvg(
      chart([project(`<script>alert("x")&'y'</script>`, 5, 10, true)], { title: 'A & B' }),
    );
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&amp;&apos;y&apos;&lt;/script&gt;');
    expect(svg).toContain('A &amp; B');
  });

  it('drops characters XML cannot carry instead of producing an unparsable document', async () => {
    const svg = resultsChartSvg(chart([project('bad\u0000\u0007 label\uD800 end', 5, 10, true)]));
    expect(svg).toContain('bad label end');
    await ensureResvg();
    expect(() => new Resvg(svg).free()).not.toThrow();
  });

  it('keeps Greek, Cyrillic and Czech labels and formats money per locale', () => {
    const el = resultsChartSvg(chart([project('Ανάπλαση πλατείας', 120, 50_000, true)], { locale: 'el' }));
    expect(el).toContain('Ανάπλαση πλατείας');
    expect(plain(el)).toContain('50.000 €');
    const bg = resultsChartSvg(
      chart([project('Ремонт на детска площадка', 80, 30_000, false)], { locale: 'bg', currency: 'BGN' }),
    );
    expect(bg).toContain('Ремонт на детска площадка');
    expect(plain(bg)).toContain('30 000 лв.');
    const cs = resultsChartSvg(
      chart([project('Zelená střecha', 1234, 250_000, true)], { locale: 'cs', currency: 'CZK' }),
    );
    expect(cs).toContain('Zelená střecha');
    expect(plain(cs)).toContain('250 000 Kč');
    expect(cs).toContain('1\u00a0234'); // Intl's no-break spaces survive the text cleaning
  });

  it('truncates long labels with an ellipsis at whole characters', () => {
    const long = 'Revitalizace parku u základní školy a výsadba stromů podél ulice Na Příkopě, '.repeat(3);
    const svg = resultsChartSvg(chart([project(long, 1, 1, false)]));
    const shown = /<text[^>]*>([^<]*…)<\/text>/.exec(svg)?.[1] ?? '';
    expect(shown.length).toBeGreaterThan(30);
    expect(long.startsWith(shown.slice(0, -1))).toBe(true);
  });

  it('shows 20 rows and "+5" for 25 projects', () => {
    const svg = resultsChartSvg(chart(many(25)));
    expect(barCount(svg)).toBe(20);
    expect(svg).toContain('Project 20<');
    expect(svg).not.toContain('Project 21<');
    expect(svg).toMatch(/>\+5<\/text>/);
    expect(resultsChartSvg(chart(many(20)))).not.toMatch(/>\+\d+<\/text>/);
  });

  it('draws equal stubs when nobody voted', () => {
    const svg = resultsChartSvg(chart([project('A', 0, 10, false), project('B', 0, 20, false)]));
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(barCount(svg)).toBe(2);
  });

  it('survives an empty list, bad numbers and an unknown currency', () => {
    expect(resultsChartSvg(chart([]))).toContain('>—<');
    const odd = resultsChartSvg(
      chart([project('x', Number.NaN, Number.POSITIVE_INFINITY, true)], {
        currency: 'NOPE!',
        budget: Number.NaN,
      }),
    );
    expect(odd).not.toMatch(/NaN|Infinity/);
    expect(odd).toContain('0 NOPE!');
  });
});

describe('renderResultsChart', () => {
  it('renders an 800 px wide PNG that grows with the rows', async () => {
    const small = await renderResultsChart(chart(many(3)));
    const big = await renderResultsChart(chart(many(12)));
    expect(small.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(size(small).width).toBe(800);
    expect(size(big).width).toBe(800);
    expect(size(big).height).toBeGreaterThan(size(small).height);
  });

  it('renders an empty chart and concurrent charts (one wasm init)', async () => {
    expect(ensureResvg()).toBe(ensureResvg()); // callers share one init instead of racing resvg's guard
    const pngs = await Promise.all([chart([]), chart(many(2)), chart(many(30))].map(renderResultsChart));
    for (const png of pngs) expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });

  it('keeps the widest labels and titles inside the picture', async () => {
    await ensureResvg();
    const wide = 'ШЩЖЮ WMШЩ '.repeat(20);
    const svg = resultsChartSvg(
      chart([project(wide, 10_000_000, 999_999_999, true), project(wide.toLowerCase(), 1, 1, false)], {
        title: wide,
        subtitle: wide,
        legend: { selected: wide, notSelected: wide, votes: wide },
        locale: 'bg',
        currency: 'BGN',
        budget: 999_999_999,
      }),
    );
    // Without the white full-size background, the box is what was drawn.
    const resvg = new Resvg(svg.replace(/<rect width="100%"[^>]*>/, ''), resvgOptions());
    const box = resvg.innerBBox();
    resvg.free();
    expect(box).toBeDefined();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(800 - 12);
  });

  // Samples for a person to look at (test/artifacts/ is git-ignored).
  it('writes one sample per language to test/artifacts/', async () => {
    const dir = join(__dirname, '../../../artifacts/chart');
    mkdirSync(dir, { recursive: true });
    for (const [name, input] of Object.entries(SAMPLES)) {
      const png = await renderResultsChart(input);
      writeFileSync(join(dir, `results-${name}.png`), png);
      writeFileSync(join(dir, `results-${name}.svg`), resultsChartSvg(input));
    }
  });
});

const SAMPLES: Record<string, ResultsChartInput> = {
  el: {
    title: 'Συμμετοχικός προϋπολογισμός Θεσσαλονίκης 2025: πράσινες γειτονιές',
    subtitle: 'Μέθοδος Ίσων Μεριδίων · 3 από 5 έργα χρηματοδοτούνται',
    locale: 'el',
    currency: 'EUR',
    budget: 300_000,
    legend: { selected: 'Επιλέχθηκε', notSelected: 'Δεν επιλέχθηκε', votes: 'ψήφοι' },
    projects: [
      project('Ανάπλαση πλατείας Αγίου Δημητρίου με νέα δέντρα, παγκάκια και σκίαση', 412, 120_000, true),
      project('Ποδηλατόδρομος στην παραλία', 388, 95_000, true),
      project('Παιδική χαρά «Ξωτικά» — ΑΜΕΑ', 201, 60_000, true),
      project('Φωτισμός LED στα στενά της Άνω Πόλης', 350, 140_000, false),
      project('Κήπος βροχής', 12, 20_000, false),
    ],
  },
  bg: {
    title: 'Бюджет на гражданите — София 2025',
    subtitle: 'Метод на равните дялове · 2 от 4 проекта са финансирани',
    locale: 'bg',
    currency: 'BGN',
    budget: 500_000,
    legend: { selected: 'Избран', notSelected: 'Неизбран', votes: 'гласове' },
    projects: [
      project('Ремонт на детска площадка в ж.к. „Младост“', 1520, 180_000, true),
      project(
        'ЖИЛИЩНИ СГРАДИ — ЕНЕРГИЙНА ЕФЕКТИВНОСТ И ЗЕЛЕНИ ПОКРИВИ ЗА ВСИЧКИ КВАРТАЛИ',
        1311,
        240_000,
        true,
      ),
      project('Велоалея по бул. „Цариградско шосе“', 1400, 450_000, false),
      project('Пейки & кошчета <нови>', 90, 8_000, false),
    ],
  },
  cs: {
    title: 'Participativní rozpočet Prahy 7 — Zelená čtvrť',
    subtitle: 'Metoda rovných podílů · 25 návrhů',
    locale: 'cs',
    currency: 'CZK',
    budget: 5_000_000,
    legend: { selected: 'Vybráno', notSelected: 'Nevybráno', votes: 'hlasy' },
    projects: Array.from({ length: 25 }, (_, i) =>
      project(
        [
          'Revitalizace parku u základní školy',
          'Zelená střecha na radnici',
          'Ořešák, třešně a švestky v Letné',
        ][i % 3] + ` č. ${i + 1}`,
        Math.round(900 / (i + 1)),
        150_000 + 37_000 * i,
        i % 4 !== 3 && i < 12,
      ),
    ),
  },
  en: {
    title: 'Safe streets for everyone',
    subtitle: 'Method of Equal Shares · 2 of 3 projects funded',
    locale: 'en',
    currency: 'EUR',
    budget: 200_000,
    legend: { selected: 'Funded', notSelected: 'Not funded', votes: 'votes' },
    projects: [
      project('Zebra crossing at the school', 230, 40_000, true),
      project('Speed bumps on Main St', 180, 25_000, true),
      project('A new roundabout', 0, 350_000, false),
    ],
  },
};
