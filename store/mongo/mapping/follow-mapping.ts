import type { Follow } from '../../../core/model/follow';
import type { FollowDoc } from '../schemas/follow-schema';

export function followToDoc(f: Follow, ord: number): FollowDoc {
  return {
    citizenId: f.citizenId,
    targetKind: f.target.kind,
    targetId: f.target.id,
    auto: f.auto,
    active: f.active,
    updatedAt: f.updatedAt,
    ord,
  };
}

export function followFromDoc(doc: FollowDoc): Follow {
  return {
    citizenId: doc.citizenId,
    target: { kind: doc.targetKind, id: doc.targetId },
    auto: doc.auto,
    active: doc.active,
    updatedAt: doc.updatedAt,
  };
}
