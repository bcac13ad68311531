import type { StaffMember } from '../../core/model/staff';
import type { StaffStore } from '../../core/ports/staff-store';
import { StoreConflict } from '../../core/ports/store';
import type { MongoContext } from './context';
import { inScope } from './context';
import { guarded } from './errors';
import { emailKey, staffFromDoc, staffToDoc } from './mapping/staff-mapping';
import type { StaffDoc } from './schemas/staff-schema';

/** Admin-panel accounts. An e-mail used by another member throws StoreConflict 'staff.email'. */
export class MongoStaffStore implements StaffStore {
  constructor(private readonly c: MongoContext) {}

  async get(id: string): Promise<StaffMember | null> {
    const doc = await this.c.models.staff.findById(id, null, inScope(this.c)).lean<StaffDoc>();
    return doc ? staffFromDoc(doc) : null;
  }

  async findByEmail(email: string): Promise<StaffMember | null> {
    const doc = await this.c.models.staff
      .findOne({ emailKey: emailKey(email) }, null, inScope(this.c))
      .lean<StaffDoc>();
    return doc ? staffFromDoc(doc) : null;
  }

  async list(): Promise<StaffMember[]> {
    const docs = await this.c.models.staff
      .find({}, null, inScope(this.c))
      .sort({ createdAt: 1, ord: 1 })
      .lean<StaffDoc[]>();
    return docs.map(staffFromDoc);
  }

  /** Upsert by id; the e-mail is checked by a read first, the unique index settles races. */
  async save(member: StaffMember): Promise<void> {
    const { _id, ord, ...fields } = staffToDoc(member, this.c.order.next());
    const { staff } = this.c.models;
    await this.c.scope.atomic((session) =>
      guarded(async () => {
        if (await staff.exists({ emailKey: fields.emailKey, _id: { $ne: _id } }).session(session))
          throw new StoreConflict(`${member.email} already has an account`, 'staff.email');
        await staff.updateOne(
          { _id },
          { $set: fields, $setOnInsert: { ord } },
          { session, upsert: true, runValidators: true },
        );
      }),
    );
  }

  async count(): Promise<number> {
    return this.c.models.staff.countDocuments({}, inScope(this.c));
  }
}
