import { phaseAt, PHASES } from '../../core/model/phase';
import {
  aBallot,
  aCitizen,
  aProposal,
  aScheduleIn,
  aStaffMember,
  anAuditEntry,
  anAuditEntryAfter,
  BASE_TIME,
} from '.';
import { entryHash } from '../../core/audit/chain';

describe('test data builders', () => {
  it('give fresh ids, refs, receipts and e-mails on every call', () => {
    const [a, b] = [aCitizen(), aCitizen()];
    expect(a.id).not.toBe(b.id);
    expect(a.identities[0]?.externalId).not.toBe(b.identities[0]?.externalId);
    expect(aProposal().ref).not.toBe(aProposal().ref);
    expect(aBallot().receipt).not.toBe(aBallot().receipt);
    expect(aStaffMember().email).not.toBe(aStaffMember().email);
  });

  it('never share a Date between two built values', () => {
    const [a, b] = [aCitizen(), aCitizen()];
    expect(a.createdAt).toEqual(b.createdAt);
    expect(a.createdAt).not.toBe(b.createdAt);
  });

  it('apply overrides last', () => {
    expect(aCitizen({ locale: 'el', identities: [] })).toMatchObject({ locale: 'el', identities: [] });
  });

  it.each(PHASES)('schedule a challenge in the %s phase', (phase) => {
    expect(phaseAt(aScheduleIn(phase), BASE_TIME)).toBe(phase);
  });

  it('chain audit entries with correct hashes', () => {
    const first = anAuditEntry();
    const second = anAuditEntryAfter(first, { type: 'ballot.cast', data: { receipt: 'R1' }, ref: 'R1' });
    expect(first.hash).toBe(entryHash(first.prevHash, first));
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash });
    expect(second.hash).toBe(entryHash(first.hash, second));
  });
});
