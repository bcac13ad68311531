import type { ProjectUpdate, Rating } from '../../core/model/update';
import { atBase, nextSeq } from './sequence';

/** A text-only progress update (no progress, status or photo change). */
export function anUpdate(overrides: Partial<ProjectUpdate> = {}): ProjectUpdate {
  const n = nextSeq();
  return {
    id: `up_${n}`,
    projectId: `pr_${n}`,
    authorId: `st_${n}`,
    text: `Update ${n}: works have started.`,
    progress: null,
    status: null,
    photo: null,
    createdAt: atBase(),
    ...overrides,
  };
}

/** A four-star rating. */
export function aRating(overrides: Partial<Rating> = {}): Rating {
  const n = nextSeq();
  return { projectId: `pr_${n}`, citizenId: `ci_${n}`, stars: 4, at: atBase(), ...overrides };
}
