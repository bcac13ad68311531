import { Schema } from 'mongoose';
import type { StaffRole } from '../../../core/model/staff';
import { SCHEMA_OPTIONS } from '../schema-options';

export interface StaffDoc {
  _id: string;
  email: string;
  /** The e-mail folded to lower case (in JS, so beyond ASCII too): one account per address. */
  emailKey: string;
  name: string;
  role: StaffRole;
  passwordHash: string;
  failedLogins: number;
  lockedUntil: Date | null;
  createdAt: Date;
  ord: number;
}

export const staffSchema = new Schema<StaffDoc>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    emailKey: { type: String, required: true },
    name: { type: String },
    role: { type: String, enum: ['admin', 'official'], required: true },
    passwordHash: { type: String, required: true },
    failedLogins: { type: Number, required: true },
    lockedUntil: { type: Date },
    createdAt: { type: Date, required: true },
    ord: { type: Number, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'staff' },
);
staffSchema.index({ emailKey: 1 }, { name: 'staff_email_unique', unique: true });
staffSchema.index({ createdAt: 1, ord: 1 }, { name: 'staff_by_age' });
