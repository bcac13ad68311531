import type { AuditEntry } from '../../core/model/audit';
import type { AuditStore } from '../../core/ports/audit-store';
import { StoreConflict } from '../../core/ports/store';
import type { MongoContext } from './context';
import { inScope } from './context';
import { guarded } from './errors';
import { auditFromDoc, auditToDoc } from './mapping/audit-mapping';
import type { AuditDoc, AuditHeadDoc } from './schemas/audit-schema';
import { AUDIT_HEAD_ID } from './schemas/audit-schema';

/**
 * The audit chain, append-only. The first entry has seq 1 and each next one head.seq + 1; any
 * other seq throws StoreConflict 'audit.seq' (before writing anything, so a caller's transaction
 * stays usable). Appends update the head document in the same transaction as the insert: two
 * concurrent appends write the same document, so one is retried on the new head or refused.
 */
export class MongoAuditStore implements AuditStore {
  constructor(private readonly c: MongoContext) {}

  async head(): Promise<AuditEntry | null> {
    const doc = await this.c.models.audit
      .findOne({}, null, inScope(this.c))
      .sort({ _id: -1 })
      .lean<AuditDoc>();
    return doc ? auditFromDoc(doc) : null;
  }

  async append(entry: AuditEntry): Promise<void> {
    const { audit, auditHead } = this.c.models;
    await this.c.scope.atomic((session) =>
      guarded(async () => {
        const stored = await auditHead.findById(AUDIT_HEAD_ID, null, { session }).lean<AuditHeadDoc>();
        // A chain written without a head document (none of ours is) still has its last entry.
        const head = stored ?? (await this.head());
        const expected = (head?.seq ?? 0) + 1;
        if (entry.seq !== expected)
          throw new StoreConflict(
            `audit entry seq ${entry.seq} does not follow the head (expected ${expected})`,
            'audit.seq',
          );
        const next = { seq: entry.seq, hash: entry.hash };
        if (stored)
          await auditHead.updateOne({ _id: AUDIT_HEAD_ID, seq: stored.seq }, { $set: next }, { session });
        else await auditHead.insertMany([{ _id: AUDIT_HEAD_ID, ...next }], { session });
        await audit.insertMany([auditToDoc(entry)], { session });
      }),
    );
  }

  async list(fromSeq: number, limit: number): Promise<AuditEntry[]> {
    if (limit <= 0) return [];
    const docs = await this.c.models.audit
      .find({ _id: { $gte: fromSeq } }, null, inScope(this.c))
      .sort({ _id: 1 })
      .limit(limit)
      .lean<AuditDoc[]>();
    return docs.map(auditFromDoc);
  }

  async findByRef(ref: string): Promise<AuditEntry[]> {
    const docs = await this.c.models.audit
      .find({ ref }, null, inScope(this.c))
      .sort({ _id: 1 })
      .lean<AuditDoc[]>();
    return docs.map(auditFromDoc);
  }
}
