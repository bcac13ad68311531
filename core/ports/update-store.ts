import type { ProjectUpdate, Rating } from '../model/update';

export interface UpdateStore {
  save(update: ProjectUpdate): Promise<void>;
  /** Newest first. */
  listByProject(projectId: string): Promise<ProjectUpdate[]>;
}

export interface RatingStore {
  /** One rating per citizen and project; a new one replaces the old. */
  put(rating: Rating): Promise<void>;
  summary(projectId: string): Promise<{ count: number; average: number | null }>;
  listByCitizen(citizenId: string): Promise<Rating[]>;
  anonymise(citizenId: string): Promise<void>;
}
