import type { Locale } from '../model/locale';
import { pickText } from '../model/locale';
import type { Proposal, ProposalStatus } from '../model/proposal';
import { formatDecimal, parseDecimal } from '../tally/decimal';
import type { PbProject } from '../tally/pabulib-types';

/** PROJECTS columns the domain models; all other columns live verbatim in `proposal.meta`. */
const MODELLED = ['name', 'description', 'category', 'selected', 'latitude', 'longitude'] as const;

/** Pabulib's conventional PROJECTS order (unknown columns follow, in the order they were read). */
const PROJECT_ORDER = [
  'project_id',
  'cost',
  'votes',
  'score',
  'name',
  'category',
  'target',
  'beneficiaries',
  'selected',
  'description',
  'proposer',
  'district',
  'neighborhood',
  'latitude',
  'longitude',
];

/** Statuses that mean the project was funded (`selected;1`). */
const FUNDED: readonly ProposalStatus[] = ['selected', 'in_progress', 'completed', 'cancelled'];
/** Statuses that only exist once results are out: with any of them, the file gets a `selected` column. */
const DECIDED: readonly ProposalStatus[] = [...FUNDED, 'not_selected'];

/** Proposal fields from one PROJECTS row; `meta` keeps the other columns and any text the fields cannot restore. */
export function proposalFieldsFromProject(
  p: PbProject,
  locale: Locale,
): Pick<Proposal, 'ref' | 'title' | 'description' | 'cost' | 'category' | 'location' | 'status' | 'meta'> {
  const f = p.fields;
  const meta: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (!(MODELLED as readonly string[]).includes(k)) meta[k] = v;
  const lat = parseDecimal(f.latitude ?? '');
  const lng = parseDecimal(f.longitude ?? '');
  const location = lat !== null && lng !== null ? { lat, lng } : null;
  // Coordinates written differently from how we would write them (or only one of the pair) stay verbatim.
  for (const k of ['latitude', 'longitude'] as const) {
    const v = f[k];
    if (
      v !== undefined &&
      (!location || formatDecimal(location[k === 'latitude' ? 'lat' : 'lng'], '.') !== v)
    )
      meta[k] = v;
  }
  // A modelled column present but empty has no domain value: keep the empty text so the column survives.
  for (const k of ['name', 'description', 'category', 'selected'] as const) if (f[k] === '') meta[k] = '';
  const selected = f.selected;
  const status: ProposalStatus =
    selected === undefined || selected === '' ? 'accepted' : selected === '0' ? 'not_selected' : 'selected';
  // `selected;2` (funded for another reason, explained in a comment) keeps its code.
  if (selected !== undefined && selected !== '' && selected !== '0' && selected !== '1')
    meta.selected = selected;
  return {
    ref: p.id,
    title: { [locale]: f.name ?? p.id },
    description: f.description ? { [locale]: f.description } : {},
    cost: p.cost,
    category: f.category ? f.category : null,
    location,
    status,
    meta,
  };
}

/** PROJECTS columns for a set of proposals: what they carry, in Pabulib's order. */
export function projectColumnsOf(proposals: readonly Proposal[], locale: Locale): string[] {
  const present = new Set<string>(['project_id', 'cost']);
  const extra: string[] = [];
  for (const p of proposals) {
    if (pickText(p.title, locale) !== p.ref) present.add('name');
    if (pickText(p.description, locale)) present.add('description');
    if (p.category !== null) present.add('category');
    if (DECIDED.includes(p.status)) present.add('selected');
    if (p.location) present.add('latitude').add('longitude');
    for (const k of Object.keys(p.meta)) {
      if (!present.has(k) && !extra.includes(k)) extra.push(k);
      present.add(k);
    }
  }
  const known = PROJECT_ORDER.filter((c) => present.has(c));
  return [...known, ...extra.filter((c) => !PROJECT_ORDER.includes(c))];
}

/** One PROJECTS row for a proposal under the given columns. */
export function projectOfProposal(p: Proposal, columns: readonly string[], locale: Locale): PbProject {
  const fields: Record<string, string> = {};
  for (const c of columns) {
    if (c === 'project_id' || c === 'cost') continue;
    fields[c] = cell(p, c, locale);
  }
  return { id: p.ref, cost: p.cost, fields };
}

function cell(p: Proposal, column: string, locale: Locale): string {
  const raw = p.meta[column];
  switch (column) {
    case 'name':
      return pickText(p.title, locale);
    case 'description':
      return pickText(p.description, locale) || (raw ?? '');
    case 'category':
      return p.category ?? raw ?? '';
    case 'selected':
      if (FUNDED.includes(p.status)) return raw !== undefined && raw !== '' && raw !== '0' ? raw : '1';
      if (p.status === 'not_selected') return '0';
      return raw ?? '0';
    case 'latitude':
    case 'longitude': {
      const v = p.location?.[column === 'latitude' ? 'lat' : 'lng'];
      if (v === undefined) return raw ?? '';
      return raw !== undefined && numbersClose(raw, v) ? raw : formatDecimal(v, '.');
    }
    default:
      return raw ?? '';
  }
}

const numbersClose = (raw: string, v: number): boolean => parseDecimal(raw) === v;
