import type { ProposalStatus } from './proposal';

/** Progress news an official posts on a project; fanned out to its followers. */
export interface ProjectUpdate {
  id: string;
  projectId: string;
  authorId: string;
  text: string;
  progress: number | null;
  status: ProposalStatus | null;
  photo: string | null;
  createdAt: Date;
}

export interface Rating {
  projectId: string;
  citizenId: string | null;
  stars: number;
  at: Date;
}
