import type { ProjectUpdate, Rating } from '../../../core/model/update';
import type { RatingDoc, UpdateDoc } from '../schemas/update-schema';
import { textOrNull } from './json';

export function updateToDoc(u: ProjectUpdate, ord: number): UpdateDoc {
  return {
    _id: u.id,
    projectId: u.projectId,
    authorId: u.authorId,
    text: u.text,
    progress: u.progress,
    status: u.status,
    photo: u.photo,
    createdAt: u.createdAt,
    ord,
  };
}

export function updateFromDoc(doc: UpdateDoc): ProjectUpdate {
  return {
    id: doc._id,
    projectId: doc.projectId,
    authorId: doc.authorId,
    text: doc.text,
    progress: doc.progress ?? null,
    status: doc.status ?? null,
    photo: textOrNull(doc.photo),
    createdAt: doc.createdAt,
  };
}

export function ratingToDoc(r: Rating, ord: number): RatingDoc {
  return { projectId: r.projectId, citizenId: r.citizenId, stars: r.stars, at: r.at, ord };
}

export function ratingFromDoc(doc: RatingDoc): Rating {
  return { projectId: doc.projectId, citizenId: textOrNull(doc.citizenId), stars: doc.stars, at: doc.at };
}
