import type { LocalizedText } from './locale';

export const PROPOSAL_STATUSES = [
  'submitted',
  'accepted',
  'rejected',
  'selected',
  'not_selected',
  'in_progress',
  'completed',
  'cancelled',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Allowed status moves; anything else is INVALID_TRANSITION. */
export const TRANSITIONS: Record<ProposalStatus, readonly ProposalStatus[]> = {
  submitted: ['accepted', 'rejected'],
  accepted: ['rejected', 'selected', 'not_selected'],
  rejected: ['accepted'],
  selected: ['in_progress', 'completed', 'cancelled', 'not_selected'],
  not_selected: ['selected'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** Statuses a project must have to appear on a ballot. */
export const ON_BALLOT: readonly ProposalStatus[] = [
  'accepted',
  'selected',
  'not_selected',
  'in_progress',
  'completed',
];

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface Milestone {
  title: string;
  due: Date | null;
  done: boolean;
}

/** A citizen's proposal; once accepted it is a project on the ballot. */
export interface Proposal {
  id: string;
  challengeId: string;
  /** Short public reference unique in the challenge (Pabulib `project_id`), e.g. `12`. */
  ref: string;
  /** Null for imported projects and after the author's erasure. */
  authorId: string | null;
  title: LocalizedText;
  description: LocalizedText;
  cost: number;
  location: GeoPoint | null;
  category: string | null;
  photo: string | null;
  status: ProposalStatus;
  rejectionReason: string | null;
  officialNote: string | null;
  progress: number;
  milestones: Milestone[];
  /** Extra open-data columns kept for lossless round trips. */
  meta: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
}
