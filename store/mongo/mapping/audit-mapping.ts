import type { AuditEntry } from '../../../core/model/audit';
import type { AuditDoc } from '../schemas/audit-schema';
import { plainJson, textOrNull } from './json';

/**
 * `data` is stored as the JSON value that was hashed (appendAudit already passes canonical JSON):
 * the entry must come back byte-for-byte hashable, or `audit verify` would report a broken link.
 */
export function auditToDoc(e: AuditEntry): AuditDoc {
  return {
    _id: e.seq,
    at: e.at,
    type: e.type,
    data: plainJson(e.data),
    prevHash: e.prevHash,
    hash: e.hash,
    ref: e.ref,
  };
}

export function auditFromDoc(doc: AuditDoc): AuditEntry {
  return {
    seq: doc._id,
    at: doc.at,
    type: doc.type,
    data: doc.data,
    prevHash: doc.prevHash,
    hash: doc.hash,
    ref: textOrNull(doc.ref),
  };
}
