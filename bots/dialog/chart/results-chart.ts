import { CHART_FONT, svgToPng } from './rasterise';
import { cleanText, textWidth, truncate, wrap, xml } from './svg-text';

/**
 * The election results as a picture for the chat channels: a horizontal bar chart, one row per
 * project, bar length = votes, green = funded. Built as SVG (also usable on the web) and rasterised
 * to PNG without a browser.
 */

export interface ChartProject {
  label: string;
  cost: number;
  votes: number;
  selected: boolean;
}

export interface ResultsChartInput {
  title: string;
  subtitle?: string;
  locale: 'en' | 'el' | 'bg' | 'cs';
  currency: string;
  budget: number;
  /** Already in display order (winners first). */
  projects: ChartProject[];
  /** Localized words supplied by the caller. */
  legend: { selected: string; notSelected: string; votes: string };
}

/** More rows make the picture too tall to read in a chat; the rest is summarised as `+N`. */
export const MAX_ROWS = 20;

// Layout in px. 800 px wide is shown about half size on a phone, hence nothing under 15 px.
const WIDTH = 800;
const PAD = 24;
const INNER = WIDTH - 2 * PAD;
const TITLE_SIZE = 26;
const SUBTITLE_SIZE = 17;
const LEGEND_SIZE = 15;
const LABEL_SIZE = 17;
const VALUE_SIZE = 16;
const BAR_HEIGHT = 22;
const ROW_HEIGHT = 60; // label line + bar + gap
const GREEN = '#2e8b57';
const GREY = '#b4bcc4';
const INK = '#1b1f23';
const MUTED = '#59636e';
const CHECK = '✓ '; // a shape cue besides colour, for colour-blind readers

interface Row {
  label: string;
  selected: boolean;
  votes: number;
  votesText: string;
  rest: string; // "· cost", after the bold vote count
}

const finite = (n: number): number => (Number.isFinite(n) ? n : 0);
const px = (n: number): string => n.toFixed(1).replace(/\.0$/, ''); // short, stable coordinates

function formatters(input: ResultsChartInput): {
  money: (n: number) => string;
  count: (n: number) => string;
} {
  const count = new Intl.NumberFormat(input.locale);
  let money: (n: number) => string;
  try {
    const f = new Intl.NumberFormat(input.locale, {
      style: 'currency',
      currency: input.currency,
      maximumFractionDigits: 0,
    });
    money = (n) => f.format(n);
  } catch {
    // An unknown currency code (e.g. from imported data) must not cost the citizen the whole chart.
    money = (n) => `${count.format(Math.round(n))} ${cleanText(input.currency)}`;
  }
  return { money, count: (n) => count.format(n) };
}

/** Escaped `<text>` at a baseline; `attrs` are trusted constants. */
function text(x: number | string, y: number, size: number, content: string, attrs = ''): string {
  return `<text x="${x}" y="${y}" font-size="${size}"${attrs}>${xml(content)}</text>`;
}

function header(input: ResultsChartInput, top: number): { svg: string[]; bottom: number } {
  const out: string[] = [];
  let y = top;
  const title = wrap(cleanText(input.title), INNER, TITLE_SIZE, true, 2);
  for (const line of title) {
    y += TITLE_SIZE + 6;
    out.push(text(PAD, y, TITLE_SIZE, line, ` font-weight="bold" fill="${INK}"`));
  }
  const subtitle = cleanText(input.subtitle ?? '');
  if (subtitle) {
    y += SUBTITLE_SIZE + 10;
    out.push(text(PAD, y, SUBTITLE_SIZE, truncate(subtitle, INNER, SUBTITLE_SIZE), ` fill="${MUTED}"`));
  }
  return { svg: out, bottom: y };
}

/** Legend items flow left to right and wrap when the localized words are long. */
function legend(input: ResultsChartInput, money: (n: number) => string, top: number) {
  const spent = input.projects.filter((p) => p.selected).reduce((s, p) => s + finite(p.cost), 0);
  const budget = finite(input.budget);
  // Funded total against the budget needs no extra word: "Selected (1 200 000 € / 1 500 000 €)".
  const selected =
    cleanText(input.legend.selected) + (budget > 0 ? ` (${money(spent)} / ${money(budget)})` : '');
  const items: { swatch: string; label: string }[] = [
    { swatch: `fill="${GREEN}"`, label: selected },
    { swatch: `fill="${GREY}"`, label: cleanText(input.legend.notSelected) },
    // Bar length = votes: a bar-shaped outline next to the word.
    { swatch: `fill="none" stroke="${MUTED}" stroke-width="1.5"`, label: cleanText(input.legend.votes) },
  ];
  const out: string[] = [];
  const lineHeight = LEGEND_SIZE + 12;
  let x = PAD;
  let y = top + lineHeight;
  for (const [i, item] of items.entries()) {
    const swatchWidth = i === 2 ? 30 : 16;
    const label = truncate(item.label, INNER - swatchWidth - 8, LEGEND_SIZE);
    const width = swatchWidth + 8 + textWidth(label, LEGEND_SIZE);
    if (x > PAD && x + width > WIDTH - PAD) {
      x = PAD;
      y += lineHeight;
    }
    out.push(`<rect x="${px(x)}" y="${y - 13}" width="${swatchWidth}" height="14" rx="2" ${item.swatch}/>`);
    out.push(text(px(x + swatchWidth + 8), y, LEGEND_SIZE, label, ` fill="${INK}"`));
    x += width + 24;
  }
  return { svg: out, bottom: y };
}

function rows(input: ResultsChartInput, f: ReturnType<typeof formatters>): Row[] {
  return input.projects.slice(0, MAX_ROWS).map((p) => {
    const votes = Math.max(0, finite(p.votes));
    return {
      label: cleanText(p.label),
      selected: p.selected,
      votes,
      votesText: f.count(votes),
      rest: `\u00a0· ${f.money(finite(p.cost))}`, // no-break space: cleanText trims plain ones
    };
  });
}

function bars(list: Row[], top: number): { svg: string[]; bottom: number } {
  const out: string[] = [];
  const valueWidth = (r: Row) => textWidth(r.votesText, VALUE_SIZE, true) + textWidth(r.rest, VALUE_SIZE);
  // The longest bar still leaves room for its numbers at the end.
  const barMax = Math.max(120, INNER - 10 - Math.max(0, ...list.map(valueWidth)));
  const maxVotes = Math.max(0, ...list.map((r) => r.votes));
  let y = top;
  for (const r of list) {
    const check = r.selected ? CHECK : '';
    const checkWidth = textWidth(check, LABEL_SIZE, true);
    const label = truncate(r.label || '—', INNER - checkWidth, LABEL_SIZE);
    const labelY = y + LABEL_SIZE + 4;
    out.push(
      `<text x="${PAD}" y="${labelY}" font-size="${LABEL_SIZE}" fill="${INK}">` +
        (check ? `<tspan font-weight="bold" fill="${GREEN}">${check}</tspan>` : '') +
        `${xml(label)}</text>`,
    );
    // No votes anywhere: every bar is a stub (no 0/0); a stub also keeps the colour visible.
    const length = maxVotes > 0 ? Math.max(3, (r.votes / maxVotes) * barMax) : 3;
    const barY = labelY + 8;
    const fill = r.selected ? GREEN : GREY;
    out.push(
      `<rect x="${PAD}" y="${barY}" width="${px(length)}" height="${BAR_HEIGHT}" rx="3" fill="${fill}"/>`,
    );
    out.push(
      `<text x="${px(PAD + length + 8)}" y="${px(barY + BAR_HEIGHT / 2 + VALUE_SIZE * 0.36)}" font-size="${VALUE_SIZE}">` +
        `<tspan font-weight="bold" fill="${INK}">${xml(r.votesText)}</tspan>` +
        `<tspan fill="${MUTED}">${xml(r.rest)}</tspan></text>`,
    );
    y += ROW_HEIGHT;
  }
  return { svg: out, bottom: y };
}

/** The chart as a standalone SVG document (what `renderResultsChart` rasterises). */
export function resultsChartSvg(input: ResultsChartInput): string {
  const f = formatters(input);
  const head = header(input, PAD - 6);
  const leg = legend(input, f.money, head.bottom + 10);
  const ruleY = leg.bottom + 14;
  const list = rows(input, f);
  const body: string[] = [
    `<line x1="${PAD}" y1="${ruleY}" x2="${WIDTH - PAD}" y2="${ruleY}" stroke="#d8dde2"/>`,
  ];
  let y = ruleY + 6;
  if (list.length === 0) {
    body.push(text(PAD, y + LABEL_SIZE + 10, LABEL_SIZE, '—', ` fill="${MUTED}"`));
    y += LABEL_SIZE + 20;
  } else {
    const drawn = bars(list, y);
    body.push(...drawn.svg);
    y = drawn.bottom;
  }
  const hidden = input.projects.length - list.length;
  if (hidden > 0) {
    body.push(text(PAD, y + LABEL_SIZE, LABEL_SIZE, `+${hidden}`, ` font-weight="bold" fill="${MUTED}"`));
    y += LABEL_SIZE + 10;
  }
  const height = Math.ceil(y + PAD);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img">`,
    `<title>${xml(input.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    // The rasteriser only has DejaVu Sans; browsers showing the SVG fall back to their own sans-serif.
    `<g font-family="'${CHART_FONT}', sans-serif">`,
    ...head.svg,
    ...leg.svg,
    ...body,
    '</g>',
    '</svg>',
  ].join('\n');
}

/** The chart as PNG bytes, ready to send as a photo. */
export async function renderResultsChart(input: ResultsChartInput): Promise<Buffer> {
  return svgToPng(resultsChartSvg(input));
}
