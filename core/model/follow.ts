export type FollowTarget = { kind: 'challenge'; id: string } | { kind: 'project'; id: string };

export interface Follow {
  citizenId: string;
  target: FollowTarget;
  /** Created by voting or proposing rather than asked for. */
  auto: boolean;
  /** False once the citizen stops following; kept so an automatic follow does not come back. */
  active: boolean;
  updatedAt: Date;
}
