import type { Milestone, Proposal } from '../../../core/model/proposal';
import type { ProposalDoc } from '../schemas/proposal-schema';
import { dateOrNull, plainJson, textOrNull, toLocalizedText } from './json';

const DIGITS = /^[0-9]+$/;

/** A ref's number when it is all digits (`"12"` -> 12), else null (`"A3"`, `""`). */
export const refNumber = (ref: string): number | null => (DIGITS.test(ref) ? Number(ref) : null);

/**
 * The order of `listByChallenge`, as in the SQLite store: numeric refs first, by value (compared as
 * digit strings, so any length is exact), then the other refs as strings; equal values by string.
 */
export function compareRefs(a: string, b: string): number {
  const [numA, numB] = [DIGITS.test(a), DIGITS.test(b)];
  if (numA !== numB) return numA ? -1 : 1;
  if (numA) {
    const [x, y] = [a.replace(/^0+(?=.)/, ''), b.replace(/^0+(?=.)/, '')];
    if (x.length !== y.length) return x.length - y.length;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function proposalToDoc(p: Proposal, ord: number): ProposalDoc {
  return {
    _id: p.id,
    challengeId: p.challengeId,
    ref: p.ref,
    refNumber: refNumber(p.ref),
    authorId: p.authorId,
    title: toLocalizedText(p.title),
    description: toLocalizedText(p.description),
    cost: p.cost,
    location: p.location === null ? null : { lat: p.location.lat, lng: p.location.lng },
    category: p.category,
    photo: p.photo,
    status: p.status,
    rejectionReason: p.rejectionReason,
    officialNote: p.officialNote,
    progress: p.progress,
    milestones: p.milestones.map(milestoneOf),
    meta: plainJson(p.meta),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    ord,
  };
}

export function proposalFromDoc(doc: ProposalDoc): Proposal {
  return {
    id: doc._id,
    challengeId: doc.challengeId,
    ref: doc.ref,
    authorId: textOrNull(doc.authorId),
    title: toLocalizedText(doc.title),
    description: toLocalizedText(doc.description),
    cost: doc.cost,
    location: doc.location ? { lat: doc.location.lat, lng: doc.location.lng } : null,
    category: textOrNull(doc.category),
    photo: textOrNull(doc.photo),
    status: doc.status,
    rejectionReason: textOrNull(doc.rejectionReason),
    officialNote: textOrNull(doc.officialNote),
    progress: doc.progress,
    milestones: doc.milestones.map(milestoneOf),
    meta: doc.meta,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

// Rebuilt field by field so a milestone never carries more than the domain type says.
const milestoneOf = (m: Milestone): Milestone => ({ title: m.title, due: dateOrNull(m.due), done: m.done });
