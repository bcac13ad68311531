import type { CsvRecord } from './csv-records';
import { csvRecords } from './csv-records';
import { parseDecimal } from './decimal';
import { PabulibError } from './pabulib-error';
import type { PbElection, PbProject, PbVote, VoteType } from './pabulib-types';
import { isVoteType, usesPoints } from './pabulib-types';

const SECTIONS = ['META', 'PROJECTS', 'VOTES'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * META keys every file must carry. `budget` and `vote_type` are needed to tally; `num_projects` and
 * `num_votes` are mandatory in Pabulib and let us detect a truncated file instead of tallying half of it.
 */
export const REQUIRED_META = ['budget', 'vote_type', 'num_projects', 'num_votes'] as const;

const POINT_RE = /^-?\d+(?:\.\d+)?$/;
const COUNT_RE = /^\d+$/;

/**
 * Reads a Pabulib `.pb` file (text already decoded; a UTF-8 BOM is dropped). Throws `PabulibError`
 * naming the line of the first problem; nothing is skipped silently.
 */
export function parsePabulib(text: string): PbElection {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records = csvRecords(body);
  const lastLine = records.length > 0 ? (records[records.length - 1] as CsvRecord).line : 1;
  const sections = splitSections(records, lastLine);

  const meta = readMeta(sections.META);
  const voteType = metaVoteType(meta, sections.META);
  const budgetLine = metaLine(sections.META, 'budget');
  const budget = parseDecimal(meta.budget as string);
  if (budget === null || budget < 0)
    throw new PabulibError(budgetLine, `budget "${meta.budget}" is not a number`);

  const { columns: projectColumns, projects } = readProjects(sections.PROJECTS);
  const { columns: voteColumns, votes } = readVotes(
    sections.VOTES,
    voteType,
    new Set(projects.map((p) => p.id)),
  );

  checkCount(sections.META, meta, 'num_projects', projects.length);
  checkCount(sections.META, meta, 'num_votes', votes.length);
  return { meta, voteType, projectColumns, projects, voteColumns, votes };
}

interface SectionRecords {
  /** Line of the section title (META / PROJECTS / VOTES). */
  line: number;
  header: CsvRecord | undefined;
  rows: CsvRecord[];
}

function splitSections(records: CsvRecord[], lastLine: number): Record<Section, SectionRecords> {
  const found: Partial<Record<Section, SectionRecords>> = {};
  let current: SectionRecords | null = null;
  let expected = 0;
  for (const rec of records) {
    const title = rec.fields.length === 1 ? (rec.fields[0] as string) : '';
    const section = (SECTIONS as readonly string[]).includes(title) ? (title as Section) : null;
    if (section) {
      if (found[section]) throw new PabulibError(rec.line, `${section} section appears twice`);
      const idx = SECTIONS.indexOf(section);
      if (idx !== expected)
        throw new PabulibError(rec.line, `${section} section found where ${SECTIONS[expected]} was expected`);
      expected++;
      current = { line: rec.line, header: undefined, rows: [] };
      found[section] = current;
      continue;
    }
    if (!current) throw new PabulibError(rec.line, 'the file must start with a META section');
    if (!current.header) current.header = rec;
    else current.rows.push(rec);
  }
  for (const s of SECTIONS) {
    if (!found[s]) throw new PabulibError(lastLine, `missing ${s} section`);
  }
  return found as Record<Section, SectionRecords>;
}

function header(section: SectionRecords, name: Section): { columns: string[]; line: number } {
  const h = section.header;
  if (!h) throw new PabulibError(section.line, `${name} section has no header line`);
  const seen = new Set<string>();
  for (const c of h.fields) {
    if (c === '') throw new PabulibError(h.line, `${name} header has an empty column name`);
    if (seen.has(c)) throw new PabulibError(h.line, `${name} header names column "${c}" twice`);
    seen.add(c);
  }
  return { columns: h.fields, line: h.line };
}

function checkWidth(rec: CsvRecord, columns: string[], name: Section): void {
  if (rec.fields.length !== columns.length)
    throw new PabulibError(
      rec.line,
      `${name} row has ${rec.fields.length} fields, the header has ${columns.length} (${columns.join(';')})`,
    );
}

function readMeta(section: SectionRecords): Record<string, string> {
  const { columns, line } = header(section, 'META');
  if (columns.length !== 2 || columns[0] !== 'key' || columns[1] !== 'value')
    throw new PabulibError(line, `META header must be "key;value", found "${columns.join(';')}"`);
  const meta: Record<string, string> = {};
  for (const rec of section.rows) {
    checkWidth(rec, columns, 'META');
    const [key, value] = rec.fields as [string, string];
    if (key === '') throw new PabulibError(rec.line, 'META row has an empty key');
    if (Object.prototype.hasOwnProperty.call(meta, key))
      throw new PabulibError(rec.line, `META key "${key}" appears twice`);
    meta[key] = value;
  }
  for (const k of REQUIRED_META) {
    if (meta[k] === undefined || meta[k] === '')
      throw new PabulibError(section.line, `META is missing the required key "${k}"`);
  }
  return meta;
}

function metaLine(section: SectionRecords, key: string): number {
  return section.rows.find((r) => r.fields[0] === key)?.line ?? section.line;
}

function metaVoteType(meta: Record<string, string>, section: SectionRecords): VoteType {
  const v = meta.vote_type as string;
  if (!isVoteType(v))
    throw new PabulibError(
      metaLine(section, 'vote_type'),
      `vote_type "${v}" is not one of approval, choose-1, ordinal, cumulative, scoring`,
    );
  return v;
}

function checkCount(
  section: SectionRecords,
  meta: Record<string, string>,
  key: string,
  actual: number,
): void {
  const raw = meta[key] as string;
  const line = metaLine(section, key);
  if (!COUNT_RE.test(raw)) throw new PabulibError(line, `${key} "${raw}" is not a whole number`);
  if (Number(raw) !== actual)
    throw new PabulibError(line, `${key} says ${raw} but the file has ${actual} (truncated or edited file?)`);
}

function readProjects(section: SectionRecords): { columns: string[]; projects: PbProject[] } {
  const { columns, line } = header(section, 'PROJECTS');
  for (const required of ['project_id', 'cost'])
    if (!columns.includes(required))
      throw new PabulibError(line, `PROJECTS header has no "${required}" column`);
  const projects: PbProject[] = [];
  const seen = new Set<string>();
  for (const rec of section.rows) {
    checkWidth(rec, columns, 'PROJECTS');
    const fields: Record<string, string> = {};
    let id = '';
    let costText = '';
    columns.forEach((c, i) => {
      const v = rec.fields[i] as string;
      if (c === 'project_id') id = v;
      else if (c === 'cost') costText = v;
      else fields[c] = v;
    });
    if (id === '') throw new PabulibError(rec.line, 'project has an empty project_id');
    if (id.includes(','))
      throw new PabulibError(rec.line, `project_id "${id}" contains a comma (votes list ids with commas)`);
    if (seen.has(id)) throw new PabulibError(rec.line, `project_id "${id}" appears twice`);
    seen.add(id);
    const cost = parseDecimal(costText);
    if (cost === null || cost < 0)
      throw new PabulibError(rec.line, `cost "${costText}" of project ${id} is not a non-negative number`);
    projects.push({ id, cost, fields });
  }
  return { columns, projects };
}

function readVotes(
  section: SectionRecords,
  voteType: VoteType,
  projectIds: ReadonlySet<string>,
): { columns: string[]; votes: PbVote[] } {
  const { columns, line } = header(section, 'VOTES');
  const withPoints = usesPoints(voteType);
  for (const required of withPoints ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'])
    if (!columns.includes(required))
      throw new PabulibError(line, `VOTES header has no "${required}" column (vote_type ${voteType})`);
  const votes: PbVote[] = [];
  const seen = new Set<string>();
  for (const rec of section.rows) {
    checkWidth(rec, columns, 'VOTES');
    const fields: Record<string, string> = {};
    let voterId = '';
    let voteText = '';
    let pointsText = '';
    columns.forEach((c, i) => {
      const v = rec.fields[i] as string;
      if (c === 'voter_id') voterId = v;
      else if (c === 'vote') voteText = v;
      else if (c === 'points' && withPoints) pointsText = v;
      else fields[c] = v;
    });
    if (voterId === '') throw new PabulibError(rec.line, 'vote has an empty voter_id');
    if (seen.has(voterId)) throw new PabulibError(rec.line, `voter_id "${voterId}" appears twice`);
    seen.add(voterId);
    const vote = splitList(voteText);
    const chosen = new Set<string>();
    for (const id of vote) {
      if (id === '') throw new PabulibError(rec.line, `vote of voter ${voterId} has an empty project id`);
      if (!projectIds.has(id))
        throw new PabulibError(rec.line, `vote of voter ${voterId} names unknown project "${id}"`);
      if (chosen.has(id))
        throw new PabulibError(rec.line, `vote of voter ${voterId} names project "${id}" twice`);
      chosen.add(id);
    }
    const v: PbVote = { voterId, vote, fields };
    if (withPoints) v.points = readPoints(rec.line, voterId, pointsText, vote.length);
    votes.push(v);
  }
  return { columns, votes };
}

function readPoints(line: number, voterId: string, text: string, expected: number): number[] {
  const parts = splitList(text);
  if (parts.length !== expected)
    throw new PabulibError(line, `voter ${voterId} has ${parts.length} points for ${expected} projects`);
  return parts.map((p) => {
    if (!POINT_RE.test(p)) throw new PabulibError(line, `points "${p}" of voter ${voterId} is not a number`);
    return Number(p);
  });
}

const splitList = (text: string): string[] =>
  text.trim() === '' ? [] : text.split(',').map((s) => s.trim());
