import type { AuditType } from '../../../core/model/audit';
import type { NotificationKind } from '../../../core/model/notification';

/**
 * Every member of a string union as a list, checked by the compiler: a value added to the domain
 * type and not here (or the other way round) fails the build instead of a write at run time.
 */
export const everyOf =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): L =>
    list;

export const NOTIFICATION_KINDS = everyOf<NotificationKind>()([
  'proposal.reviewed',
  'project.update',
  'question.answered',
  'results.published',
  'announcement',
]);

export const NOTIFICATION_STATES = ['pending', 'sent', 'dead'] as const;

export const AUDIT_TYPES = everyOf<AuditType>()([
  'ballot.cast',
  'ballot.changed',
  'phase.changed',
  'proposal.reviewed',
  'project.status',
  'results.published',
  'rules.changed',
  'citizen.erased',
  'election.imported',
]);
