import type { Conversation } from '../../../core/model/conversation';
import type { FanoutJob } from '../../../core/model/fanout';
import {
  aBallot,
  aChallenge,
  aCitizen,
  aFaqEntry,
  aFollow,
  aNotification,
  aProposal,
  aQuestion,
  aRating,
  aStaffMember,
  anAuditEntry,
  anIdentity,
  anUpdate,
  daysFrom,
  minutesFrom,
} from '../../builders';

const pair = <T>(full: T, sparse: T): { full: T; sparse: T } => ({ full, sparse });

/**
 * Two samples of every domain value the Mongo store keeps: `full` sets every optional field and
 * nests what can be nested; `sparse` leaves whatever may be null or empty null or empty. A mapping
 * that drops, renames or mistypes a field fails one of them.
 */
export const samples = {
  citizen: {
    full: aCitizen({
      identities: [
        anIdentity({ channel: 'viber', linkedAt: minutesFrom(0) }),
        anIdentity({ channel: 'telegram', linkedAt: minutesFrom(5), unreachable: true }),
      ],
      locale: 'el',
      phoneHash: 'ab'.repeat(32),
      verification: 'phone',
      notifications: false,
      erasedAt: minutesFrom(9),
    }),
    sparse: aCitizen({ identities: [], consentAt: null, erasedAt: null, phoneHash: null }),
  },
  challenge: {
    full: aChallenge({
      title: { en: 'Greener streets', el: 'Πράσινοι δρόμοι', bg: 'Зелени улици', cs: 'Zelené ulice' },
      schedule: { proposals: daysFrom(-3), voting: daysFrom(4), closed: daysFrom(30) },
      forcedPhase: 'review',
      ballotRule: { kind: 'cumulative', points: 10, maxPerProject: 4 },
      outcomeRule: { method: 'equal-shares', completion: 'add1' },
      minVerification: 'code',
      budget: 250_000.5,
      currency: 'BGN',
      resultsPublishedAt: minutesFrom(7),
      meta: { unit: 'Plovdiv', comment: 'imported' },
    }),
    sparse: aChallenge({ schedule: {}, title: { cs: 'Jen česky' }, description: {}, meta: {} }),
  },
  proposal: {
    full: aProposal({
      ref: '7',
      title: { en: 'Bike lane', cs: 'Cyklostezka' },
      cost: 1234.5,
      location: { lat: 42.1354, lng: 24.7453 },
      category: 'mobility',
      photo: 'photos/7.jpg',
      status: 'rejected',
      rejectionReason: 'Out of scope',
      officialNote: 'Approved by the council',
      progress: 40,
      milestones: [
        { title: 'Design', due: daysFrom(10), done: true },
        { title: 'Works', due: null, done: false },
      ],
      meta: { votes: '12' },
    }),
    sparse: aProposal({ ref: 'A-1', authorId: null }),
  },
  ballot: {
    full: aBallot({
      choices: [{ projectId: 'pr_a', points: 3 }, { projectId: 'pr_b' }, { projectId: 'pr_c', points: 0 }],
      meta: { age: '34', sex: 'F' },
      updatedAt: minutesFrom(3),
    }),
    sparse: aBallot({ citizenId: null, choices: [] }),
  },
  follow: {
    full: aFollow({ target: { kind: 'project', id: 'pr_1' }, auto: true, active: false }),
    sparse: aFollow({ target: { kind: 'challenge', id: 'ch_1' } }),
  },
  question: {
    full: aQuestion({
      challengeId: 'ch_1',
      locale: 'bg',
      text: 'Кога?',
      status: 'answered',
      answer: 'В понеделник.',
      answeredBy: 'st_1',
      answerSource: 'official',
      answeredAt: minutesFrom(60),
    }),
    sparse: aQuestion({ citizenId: null }),
  },
  update: {
    full: anUpdate({ progress: 60, status: 'in_progress', photo: 'photos/site.jpg' }),
    sparse: anUpdate(),
  },
  rating: {
    full: aRating({ stars: 5, at: minutesFrom(4) }),
    sparse: aRating({ citizenId: null }),
  },
  notification: {
    full: aNotification({
      payload: { projectId: 'pr_1', progress: 40, nested: { ok: true, list: [1, 'δύο'] } },
      state: 'dead',
      attempts: 3,
      leaseUntil: minutesFrom(2),
      lastError: 'bot blocked',
      sentAt: minutesFrom(1),
    }),
    sparse: aNotification({ payload: {} }),
  },
  audit: {
    full: anAuditEntry({
      type: 'ballot.cast',
      data: { challengeId: 'ch_1', receipt: 'RCPT1', contentHash: 'f'.repeat(64), replaces: null, n: 2.5 },
      ref: 'RCPT1',
    }),
    sparse: anAuditEntry({ data: {} }),
  },
  staff: {
    full: aStaffMember({
      email: 'Maria.Papadopoulou@Example.gr',
      role: 'admin',
      failedLogins: 2,
      lockedUntil: minutesFrom(15),
    }),
    sparse: aStaffMember(),
  },
  faq: {
    full: aFaqEntry({ challengeId: 'ch_1', locale: 'cs', question: 'Kolik?', answer: '5 mil. Kč' }),
    sparse: aFaqEntry(),
  },
  conversation: pair<Conversation>(
    {
      citizenId: 'ci_1',
      flow: 'propose',
      step: 'cost',
      data: { title: 'Bänke für den Park', cost: 5000, nested: { list: [1, 'δύο'] } },
      updatedAt: minutesFrom(1),
    },
    { citizenId: 'ci_2', flow: null, step: null, data: {}, updatedAt: minutesFrom(2) },
  ),
  fanout: pair<FanoutJob>(
    {
      id: 'fo_1',
      kind: 'project.update',
      payload: { projectId: 'pr_1', text: 'Ζεστό νερό' },
      recipients: Array.from({ length: 25 }, (_, i) => `ci_${i}`),
      nextIndex: 10,
      leaseUntil: minutesFrom(3),
      createdAt: minutesFrom(0),
      doneAt: minutesFrom(5),
    },
    {
      id: 'fo_2',
      kind: 'announcement',
      payload: {},
      recipients: [],
      nextIndex: 0,
      leaseUntil: null,
      createdAt: minutesFrom(0),
      doneAt: null,
    },
  ),
};
