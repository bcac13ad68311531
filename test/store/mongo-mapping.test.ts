import { auditFromDoc, auditToDoc } from '../../store/mongo/mapping/audit-mapping';
import { ballotFromDoc, ballotToDoc } from '../../store/mongo/mapping/ballot-mapping';
import { challengeFromDoc, challengeToDoc } from '../../store/mongo/mapping/challenge-mapping';
import { citizenFromDoc, citizenToDoc, identityToDoc } from '../../store/mongo/mapping/citizen-mapping';
import { conversationFromDoc, conversationToDoc } from '../../store/mongo/mapping/conversation-mapping';
import { fanoutFromDocs, fanoutToDocs } from '../../store/mongo/mapping/fanout-mapping';
import { faqFromDoc, faqToDoc } from '../../store/mongo/mapping/faq-mapping';
import { followFromDoc, followToDoc } from '../../store/mongo/mapping/follow-mapping';
import { plainJson } from '../../store/mongo/mapping/json';
import { notificationFromDoc, notificationToDoc } from '../../store/mongo/mapping/notification-mapping';
import {
  compareRefs,
  proposalFromDoc,
  proposalToDoc,
  refNumber,
} from '../../store/mongo/mapping/proposal-mapping';
import { questionFromDoc, questionToDoc } from '../../store/mongo/mapping/question-mapping';
import { emailKey, staffFromDoc, staffToDoc } from '../../store/mongo/mapping/staff-mapping';
import {
  ratingFromDoc,
  ratingToDoc,
  updateFromDoc,
  updateToDoc,
} from '../../store/mongo/mapping/update-mapping';
import { offlineModels, throughSchema } from './mongo/offline-models';
import { samples } from './mongo/samples';

const { conn, models } = offlineModels();
afterAll(() => conn.close());

const both = <T>(pair: { full: T; sparse: T }): [string, T][] => [
  ['full', pair.full],
  ['sparse', pair.sparse],
];

/**
 * Each model both ways: domain -> document -> domain must give back the value exactly, directly
 * and after mongoose has cast and validated the document against the schema (which also proves the
 * schema keeps every field the mapping writes: an unknown one would throw, a dropped one would
 * fail the comparison).
 */
describe('Mongo mapping, domain -> document -> domain', () => {
  it.each(both(samples.citizen))('citizen (%s), identities stored apart', (_, citizen) => {
    const doc = citizenToDoc(citizen);
    const identities = citizen.identities.map((i, n) => identityToDoc(citizen.id, i, n + 1));
    expect(citizenFromDoc(doc, identities)).toStrictEqual(citizen);
    const cast = identities.map((i) => throughSchema(models.identities, i));
    expect(citizenFromDoc(throughSchema(models.citizens, doc), cast)).toStrictEqual(citizen);
    expect(identities.map((i) => i.citizenId)).toEqual(citizen.identities.map(() => citizen.id));
  });

  it.each(both(samples.challenge))('challenge (%s)', (_, challenge) => {
    const doc = challengeToDoc(challenge, 1);
    expect(challengeFromDoc(doc)).toStrictEqual(challenge);
    expect(challengeFromDoc(throughSchema(models.challenges, doc))).toStrictEqual(challenge);
  });

  it.each(both(samples.proposal))('proposal (%s)', (_, proposal) => {
    const doc = proposalToDoc(proposal, 1);
    expect(proposalFromDoc(doc)).toStrictEqual(proposal);
    expect(proposalFromDoc(throughSchema(models.proposals, doc))).toStrictEqual(proposal);
  });

  it.each(both(samples.ballot))('ballot (%s)', (_, ballot) => {
    const doc = ballotToDoc(ballot, 1);
    expect(ballotFromDoc(doc)).toStrictEqual(ballot);
    expect(ballotFromDoc(throughSchema(models.ballots, doc))).toStrictEqual(ballot);
  });

  it.each(both(samples.follow))('follow (%s)', (_, follow) => {
    const doc = followToDoc(follow, 1);
    expect(followFromDoc(doc)).toStrictEqual(follow);
    expect(followFromDoc(throughSchema(models.follows, doc))).toStrictEqual(follow);
  });

  it.each(both(samples.question))('question (%s)', (_, question) => {
    const doc = questionToDoc(question, 1);
    expect(questionFromDoc(doc)).toStrictEqual(question);
    expect(questionFromDoc(throughSchema(models.questions, doc))).toStrictEqual(question);
  });

  it.each(both(samples.update))('project update (%s)', (_, update) => {
    const doc = updateToDoc(update, 1);
    expect(updateFromDoc(doc)).toStrictEqual(update);
    expect(updateFromDoc(throughSchema(models.updates, doc))).toStrictEqual(update);
  });

  it.each(both(samples.rating))('rating (%s)', (_, rating) => {
    const doc = ratingToDoc(rating, 1);
    expect(ratingFromDoc(doc)).toStrictEqual(rating);
    expect(ratingFromDoc(throughSchema(models.ratings, doc))).toStrictEqual(rating);
  });

  it.each(both(samples.notification))('notification (%s)', (_, notification) => {
    const doc = notificationToDoc(notification, 1);
    expect(notificationFromDoc(doc)).toStrictEqual(notification);
    expect(notificationFromDoc(throughSchema(models.outbox, doc))).toStrictEqual(notification);
  });

  it.each(both(samples.audit))('audit entry (%s), seq as _id', (_, entry) => {
    const doc = auditToDoc(entry);
    expect(doc._id).toBe(entry.seq);
    expect(auditFromDoc(doc)).toStrictEqual(entry);
    expect(auditFromDoc(throughSchema(models.audit, doc))).toStrictEqual(entry);
  });

  it.each(both(samples.staff))('staff member (%s), with a case-folded e-mail key', (_, member) => {
    const doc = staffToDoc(member, 1);
    expect(doc.emailKey).toBe(member.email.toLowerCase());
    expect(staffFromDoc(doc)).toStrictEqual(member);
    expect(staffFromDoc(throughSchema(models.staff, doc))).toStrictEqual(member);
  });

  it.each(both(samples.faq))('FAQ entry (%s)', (_, entry) => {
    const doc = faqToDoc(entry, 1);
    expect(faqFromDoc(doc)).toStrictEqual(entry);
    expect(faqFromDoc(throughSchema(models.faq, doc))).toStrictEqual(entry);
  });

  it.each(both(samples.conversation))('conversation (%s), citizen id as _id', (_, conversation) => {
    const doc = conversationToDoc(conversation);
    expect(conversationFromDoc(doc)).toStrictEqual(conversation);
    expect(conversationFromDoc(throughSchema(models.conversations, doc))).toStrictEqual(conversation);
  });

  it.each(both(samples.fanout))('fan-out job (%s), recipients in chunks', (_, job) => {
    const { job: doc, chunks } = fanoutToDocs(job, 1, 10);
    expect(doc.total).toBe(job.recipients.length);
    expect(chunks.map((c) => c.recipients.length)).toEqual(job.recipients.length === 0 ? [] : [10, 10, 5]);
    expect(fanoutFromDocs(doc, [...chunks].reverse())).toStrictEqual(job);
    const cast = chunks.map((c) => throughSchema(models.fanoutChunks, c));
    expect(fanoutFromDocs(throughSchema(models.fanoutJobs, doc), cast)).toStrictEqual(job);
  });
});

describe('Mongo mapping details', () => {
  it('stores structured values as the JSON they stand for, as the SQLite store does', () => {
    const when = new Date('2025-03-01T09:00:00.000Z');
    expect(plainJson({ a: undefined, b: when, c: [1, undefined], d: { e: null } })).toStrictEqual({
      b: '2025-03-01T09:00:00.000Z',
      c: [1, null],
      d: { e: null },
    });
    const ballot = {
      ...samples.challenge.full,
      ballotRule: { kind: 'knapsack' as const, minBudgetShare: undefined },
    };
    expect(challengeToDoc(ballot, 1).ballotRule).toStrictEqual({ kind: 'knapsack' });
  });

  it('keeps no `points` key on a choice without points', () => {
    const doc = ballotToDoc(
      { ...samples.ballot.full, choices: [{ projectId: 'pr_x', points: undefined }] },
      1,
    );
    expect(ballotFromDoc(throughSchema(models.ballots, doc)).choices).toStrictEqual([{ projectId: 'pr_x' }]);
  });

  it('reads numeric refs as numbers and sorts refs as the SQLite store does', () => {
    expect([refNumber('12'), refNumber('007'), refNumber('A3'), refNumber('')]).toEqual([12, 7, null, null]);
    const refs = ['10', 'b', '2', 'a', '1', '007', '7', '', '123456789012345678901234567890'];
    expect(refs.sort(compareRefs)).toEqual([
      '1',
      '2',
      '007',
      '7',
      '10',
      '123456789012345678901234567890',
      '',
      'a',
      'b',
    ]);
  });

  it('folds e-mail keys beyond ASCII', () => {
    expect(emailKey('ΜΑΡΙΑ@Example.GR')).toBe('μαρια@example.gr');
  });

  it('refuses a field the schema does not know, and values outside the domain', () => {
    expect(() =>
      throughSchema(models.citizens, { ...citizenToDoc(samples.citizen.full), extra: 1 }),
    ).toThrow();
    expect(() =>
      throughSchema(models.outbox, { ...notificationToDoc(samples.notification.full, 1), state: 'lost' }),
    ).toThrow(/state/);
    expect(() =>
      throughSchema(models.challenges, {
        ...challengeToDoc(samples.challenge.full, 1),
        forcedPhase: 'party',
      }),
    ).toThrow(/forcedPhase/);
  });
});
