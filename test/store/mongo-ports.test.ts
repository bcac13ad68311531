import { StoreConflict } from '../../core/ports/store';
import { aNotification, anAuditEntry, anAuditEntryAfter, minutesFrom } from '../builders';
import { settle } from './contract/harness';
import { offlinePorts } from './mongo/offline-ports';
import { samples } from './mongo/samples';

/**
 * What each port sends to MongoDB, checked without a server: operations are recorded under
 * mongoose (after it cast them against the schemas) and answered from a script. This pins down the
 * parts of the adapter the contract suite can only exercise against a real server: which writes
 * share a transaction, which filter carries the conditions that make a claim or an append safe,
 * and that a conflict is reported before anything is written.
 */
let t: ReturnType<typeof offlinePorts>;
beforeEach(() => {
  t = offlinePorts();
});
afterEach(() => t.close());

const duplicateKey = (index: string) =>
  Object.assign(new Error(`E11000 duplicate key error collection: agora.x index: ${index} dup key: {}`), {
    code: 11000,
  });

describe('Mongo ports, commands sent (recorded, no server)', () => {
  it('creates a citizen and its identities in one transaction, identity checked first', async () => {
    const citizen = samples.citizen.full;
    await t.ports.citizens.create(citizen);
    expect(t.db.ops()).toEqual([
      'identities.findOne',
      'citizens.findOne',
      'citizens.insertMany',
      'identities.insertMany',
    ]);
    expect(t.db.sent.every((c) => c.session)).toBe(true);
    expect(t.sessions.started).toHaveLength(1);
    const [identities] = t.db.sent[3]!.args as [{ citizenId: string; ord: number }[]];
    expect(identities.map((i) => i.citizenId)).toEqual([citizen.id, citizen.id]);
    expect(identities[0]!.ord).toBeLessThan(identities[1]!.ord);
  });

  it('reports a taken identity as StoreConflict "identity" without writing anything', async () => {
    t.db.reply('identities', 'findOne', { channel: 'viber', externalId: 'tg-1', citizenId: 'ci_other' });
    const outcome = await settle(t.ports.citizens.create(samples.citizen.full));
    expect(outcome).toMatchObject({ ok: false, error: { name: 'StoreConflict', constraint: 'identity' } });
    expect(t.db.ops()).toEqual(['identities.findOne']);
  });

  it('turns a duplicate key the pre-check could not see into StoreConflict', async () => {
    t.db.reply('identities', 'insertMany', duplicateKey('identity_unique'));
    const outcome = await settle(t.ports.citizens.create(samples.citizen.full));
    expect(outcome).toMatchObject({ ok: false, error: { constraint: 'identity' } });
    expect((outcome as { error: unknown }).error).toBeInstanceOf(StoreConflict);
  });

  it('puts a ballot over the voter’s existing one, keeping its id, with the shard key in the filter', async () => {
    const ballot = samples.ballot.full;
    t.db.reply('ballots', 'findOne', { _id: 'ba_existing', challengeId: ballot.challengeId });
    t.db.reply('ballots', 'findOneAndUpdate', { ...ballot, _id: 'ba_existing', ord: 1 });
    const stored = await t.ports.ballots.put(ballot);
    expect(stored).toStrictEqual({ ...ballot, id: 'ba_existing' });
    expect(t.db.ops()).toEqual(['ballots.findOne', 'ballots.findOne', 'ballots.findOneAndUpdate']);
    const [mine, receipt, write] = t.db.sent;
    expect(mine!.args[0]).toEqual({ challengeId: ballot.challengeId, citizenId: ballot.citizenId });
    expect(receipt!.args[0]).toEqual({ receipt: ballot.receipt, _id: { $ne: 'ba_existing' } });
    const [filter, update, options] = write!.args as [object, { $set: object; $setOnInsert: object }, object];
    expect(filter).toEqual({ _id: 'ba_existing', challengeId: ballot.challengeId });
    expect(Object.keys(update.$set)).not.toContain('_id');
    expect(Object.keys(update.$set)).not.toContain('ord');
    expect(update.$setOnInsert).toEqual({ ord: expect.any(Number) });
    expect(options).toMatchObject({ upsert: true, returnDocument: 'after' });
    expect(t.db.sent.every((c) => c.session)).toBe(true);
  });

  it('refuses a receipt on another ballot before writing', async () => {
    t.db.reply('ballots', 'findOne', null, null, { _id: 'ba_other' });
    const outcome = await settle(t.ports.ballots.put(samples.ballot.full));
    expect(outcome).toMatchObject({ ok: false, error: { constraint: 'ballot.receipt' } });
    expect(t.db.ops()).not.toContain('ballots.findOneAndUpdate');
  });

  it('claims due outbox rows one findOneAndUpdate each, skipping rows another dispatcher got', async () => {
    const rows = ['no_a', 'no_b', 'no_c', 'no_d'].map((id) => ({ _id: id, citizenId: 'ci_1' }));
    const leased = (id: string) => ({ ...aNotification({ id, citizenId: 'ci_1' }), _id: id, ord: 1 });
    t.db.reply('outbox', 'find', rows.slice(0, 3), rows.slice(3));
    // no_b went to another dispatcher between the read and the update.
    t.db.reply('outbox', 'findOneAndUpdate', leased('no_a'), null, leased('no_c'), leased('no_d'));
    const claimed = await t.ports.outbox.claimDue(minutesFrom(10), 3, minutesFrom(15));
    expect(claimed.map((n) => n.id)).toEqual(['no_a', 'no_c', 'no_d']);
    expect(t.db.ops()).toEqual([
      'outbox.find',
      'outbox.findOneAndUpdate',
      'outbox.findOneAndUpdate',
      'outbox.findOneAndUpdate',
      'outbox.find',
      'outbox.findOneAndUpdate',
    ]);
    const [firstFind, firstClaim] = t.db.sent;
    const due = {
      state: 'pending',
      nextAttemptAt: { $lte: minutesFrom(10) },
      $or: [{ leaseUntil: null }, { leaseUntil: { $lte: minutesFrom(10) } }],
    };
    expect(firstFind!.args[0]).toEqual({ ...due, _id: { $nin: [] } });
    expect(firstFind!.args[1]).toMatchObject({ sort: { createdAt: 1, ord: 1 }, limit: 3 });
    expect(firstClaim!.args[0]).toEqual({ ...due, _id: 'no_a', citizenId: 'ci_1' });
    expect(firstClaim!.args[1]).toEqual({ $set: { leaseUntil: minutesFrom(15) } });
    expect(t.db.sent[4]!.args[0]).toMatchObject({ _id: { $nin: ['no_a', 'no_c'] } });
    expect(t.db.sent[4]!.args[1]).toMatchObject({ limit: 1 });
  });

  it('claims nothing, and sends nothing, for a limit of 0; stops when nothing is due', async () => {
    expect(await t.ports.outbox.claimDue(minutesFrom(0), 0, minutesFrom(1))).toEqual([]);
    expect(t.db.ops()).toEqual([]);
    expect(await t.ports.outbox.claimDue(minutesFrom(0), 5, minutesFrom(1))).toEqual([]);
    expect(t.db.ops()).toEqual(['outbox.find']);
  });

  it('enqueues every row in one transaction, numbered in the order given', async () => {
    await t.ports.outbox.enqueue(['no_z', 'no_x'].map((id) => aNotification({ id })));
    expect(t.db.ops()).toEqual(['outbox.insertMany']);
    const [docs] = t.db.sent[0]!.args as [{ _id: string; ord: number }[]];
    expect(docs.map((d) => d._id)).toEqual(['no_z', 'no_x']);
    expect(docs[0]!.ord).toBeLessThan(docs[1]!.ord);
    expect(t.db.sent[0]!.session).toBe(true);
    await t.ports.outbox.enqueue([]);
    expect(t.db.ops()).toHaveLength(1);
  });

  it('appends the first audit entry with a new head, in one transaction', async () => {
    const entry = anAuditEntry();
    await t.ports.audit.append(entry);
    expect(t.db.ops()).toEqual([
      'audit_head.findOne',
      'audit_log.findOne',
      'audit_head.insertMany',
      'audit_log.insertMany',
    ]);
    expect(t.db.sent.every((c) => c.session)).toBe(true);
    expect((t.db.sent[2]!.args[0] as object[])[0]).toEqual({ _id: 'head', seq: 1, hash: entry.hash });
  });

  it('appends after the head by moving the head document, conditionally on its seq', async () => {
    const first = anAuditEntry();
    const next = anAuditEntryAfter(first);
    t.db.reply('audit_head', 'findOne', { _id: 'head', seq: 1, hash: first.hash });
    await t.ports.audit.append(next);
    expect(t.db.ops()).toEqual(['audit_head.findOne', 'audit_head.updateOne', 'audit_log.insertMany']);
    expect(t.db.sent[1]!.args.slice(0, 2)).toEqual([
      { _id: 'head', seq: 1 },
      { $set: { seq: 2, hash: next.hash } },
    ]);
  });

  it('refuses an entry that does not follow the head, writing nothing', async () => {
    t.db.reply('audit_head', 'findOne', { _id: 'head', seq: 4, hash: 'h' });
    const outcome = await settle(t.ports.audit.append(anAuditEntry({ seq: 4 })));
    expect(outcome).toMatchObject({ ok: false, error: { constraint: 'audit.seq' } });
    expect(t.db.ops()).toEqual(['audit_head.findOne']);
  });

  it('records a support only when the upsert inserted, and a lost race as "already there"', async () => {
    expect(await t.ports.supports.add('pr_1', 'ci_1', minutesFrom(0))).toBe(true);
    expect(t.db.sent[0]!.args.slice(0, 2)).toEqual([
      { proposalId: 'pr_1', citizenId: 'ci_1' },
      { $setOnInsert: { at: minutesFrom(0) } },
    ]);
    t.db.reply('supports', 'updateOne', {
      acknowledged: true,
      matchedCount: 1,
      modifiedCount: 0,
      upsertedCount: 0,
    });
    expect(await t.ports.supports.add('pr_1', 'ci_1', minutesFrom(0))).toBe(false);
    t.db.reply('supports', 'updateOne', duplicateKey('support_citizen_unique'));
    expect(await t.ports.supports.add('pr_1', 'ci_1', minutesFrom(0))).toBe(false);
  });

  it('claims a processed-update key once', async () => {
    expect(await t.ports.processedUpdates.claim('telegram:1', minutesFrom(0))).toBe(true);
    t.db.reply('processed_updates', 'updateOne', { acknowledged: true, matchedCount: 1, upsertedCount: 0 });
    expect(await t.ports.processedUpdates.claim('telegram:1', minutesFrom(0))).toBe(false);
    t.db.reply('processed_updates', 'updateOne', duplicateKey('_id_'));
    expect(await t.ports.processedUpdates.claim('telegram:1', minutesFrom(0))).toBe(false);
  });

  it('retries an upsert that lost a race outside a transaction, but not inside one', async () => {
    t.db.reply('follows', 'updateOne', duplicateKey('follow_unique'));
    await t.ports.follows.save(samples.follow.full);
    expect(t.db.ops()).toEqual(['follows.updateOne', 'follows.updateOne']);
    t.db.reply('follows', 'updateOne', duplicateKey('follow_unique'));
    const inside = await settle(t.transactions.run(() => t.ports.follows.save(samples.follow.full)));
    expect(inside.ok).toBe(false);
  });

  it('checks a proposal ref and a staff e-mail before writing', async () => {
    t.db.reply('proposals', 'findOne', { _id: 'pr_other' });
    const ref = await settle(t.ports.proposals.save(samples.proposal.full));
    expect(ref).toMatchObject({ ok: false, error: { constraint: 'proposal.ref' } });
    t.db.reply('staff', 'findOne', { _id: 'st_other' });
    const email = await settle(t.ports.staff.save(samples.staff.full));
    expect(email).toMatchObject({ ok: false, error: { constraint: 'staff.email' } });
    expect(t.db.sent.find((c) => c.collection === 'staff')!.args[0]).toEqual({
      emailKey: 'maria.papadopoulou@example.gr',
      _id: { $ne: samples.staff.full.id },
    });
    expect(t.db.ops().filter((op) => op.endsWith('updateOne'))).toEqual([]);
  });

  it('finishes a fan-out job only when advanced to its total', async () => {
    t.db.reply('fanout_jobs', 'updateOne', { acknowledged: true, matchedCount: 1 });
    await t.ports.fanout.advance('fo_1', 2, minutesFrom(1));
    expect(t.db.sent.map((c) => c.args.slice(0, 2))).toEqual([
      [{ _id: 'fo_1', total: { $gt: 2 } }, { $set: { nextIndex: 2, doneAt: null } }],
    ]);
    t.db.reply('fanout_jobs', 'updateOne', { acknowledged: true, matchedCount: 0 });
    await t.ports.fanout.advance('fo_1', 3, minutesFrom(2));
    expect(t.db.sent[2]!.args.slice(0, 2)).toEqual([
      { _id: 'fo_1' },
      { $set: { nextIndex: 3, doneAt: minutesFrom(2), leaseUntil: null } },
    ]);
  });

  it('passes the open transaction’s session to top-level ports called inside it, and none outside', async () => {
    await t.ports.citizens.count();
    await t.transactions.run(async () => {
      await t.ports.citizens.count();
      await t.ports.ballots.countByChallenge('ch_1');
    });
    expect(t.db.sent.map((c) => c.session)).toEqual([false, true, true]);
  });
});

/** Every method of every port, once, against an empty collection: none may fail to build its query. */
describe('Mongo ports, every method against an empty database (recorded, no server)', () => {
  const calls: [string, () => Promise<unknown>][] = [
    ['citizens.get', () => t.ports.citizens.get('ci_1')],
    ['citizens.findByIdentity', () => t.ports.citizens.findByIdentity('telegram', 'x')],
    ['citizens.findByPhoneHash', () => t.ports.citizens.findByPhoneHash('ab'.repeat(32))],
    ['citizens.create', () => t.ports.citizens.create(samples.citizen.sparse)],
    ['citizens.update', () => t.ports.citizens.update(samples.citizen.full)],
    [
      'citizens.attachIdentity',
      () => t.ports.citizens.attachIdentity('ci_1', samples.citizen.full.identities[0]!),
    ],
    ['citizens.removeIdentities', () => t.ports.citizens.removeIdentities('ci_1')],
    ['citizens.touchIdentity', () => t.ports.citizens.touchIdentity('telegram', 'x', minutesFrom(1))],
    ['citizens.markUnreachable', () => t.ports.citizens.markUnreachable('telegram', 'x', true)],
    ['citizens.count', () => t.ports.citizens.count()],
    ['citizens.participation', () => t.ports.citizens.participation(minutesFrom(0))],
    ['linkCodes.put', () => t.ports.linkCodes.put('h', 'ci_1', minutesFrom(5))],
    ['linkCodes.consume', () => t.ports.linkCodes.consume('h', minutesFrom(0))],
    ['challenges.get', () => t.ports.challenges.get('ch_1')],
    ['challenges.list', () => t.ports.challenges.list()],
    ['challenges.save', () => t.ports.challenges.save(samples.challenge.full)],
    ['proposals.get', () => t.ports.proposals.get('pr_1')],
    ['proposals.getByRef', () => t.ports.proposals.getByRef('ch_1', '1')],
    ['proposals.listByChallenge', () => t.ports.proposals.listByChallenge('ch_1', ['accepted'])],
    ['proposals.listByAuthor', () => t.ports.proposals.listByAuthor('ci_1')],
    ['proposals.save', () => t.ports.proposals.save(samples.proposal.full)],
    ['proposals.nextRef', () => t.ports.proposals.nextRef('ch_1')],
    ['proposals.anonymiseAuthor', () => t.ports.proposals.anonymiseAuthor('ci_1')],
    ['supports.has', () => t.ports.supports.has('pr_1', 'ci_1')],
    ['supports.count', () => t.ports.supports.count('pr_1')],
    ['supports.countsByChallenge', () => t.ports.supports.countsByChallenge('ch_1')],
    ['supports.anonymise', () => t.ports.supports.anonymise('ci_1')],
    ['ballots.get', () => t.ports.ballots.get('ch_1', 'ci_1')],
    ['ballots.getByReceipt', () => t.ports.ballots.getByReceipt('R')],
    ['ballots.listByChallenge', () => t.ports.ballots.listByChallenge('ch_1')],
    ['ballots.countByChallenge', () => t.ports.ballots.countByChallenge('ch_1')],
    ['ballots.anonymise', () => t.ports.ballots.anonymise('ci_1')],
    ['ballots.listByCitizen', () => t.ports.ballots.listByCitizen('ci_1')],
    ['follows.get', () => t.ports.follows.get('ci_1', { kind: 'project', id: 'pr_1' })],
    ['follows.save', () => t.ports.follows.save(samples.follow.full)],
    ['follows.followers', () => t.ports.follows.followers({ kind: 'challenge', id: 'ch_1' })],
    ['follows.listByCitizen', () => t.ports.follows.listByCitizen('ci_1')],
    ['follows.removeByCitizen', () => t.ports.follows.removeByCitizen('ci_1')],
    ['questions.get', () => t.ports.questions.get('qu_1')],
    ['questions.save', () => t.ports.questions.save(samples.question.full)],
    ['questions.listOpen', () => t.ports.questions.listOpen()],
    ['questions.listByCitizen', () => t.ports.questions.listByCitizen('ci_1')],
    ['questions.removeByCitizen', () => t.ports.questions.removeByCitizen('ci_1')],
    ['updates.save', () => t.ports.updates.save(samples.update.full)],
    ['updates.listByProject', () => t.ports.updates.listByProject('pr_1')],
    ['ratings.put', () => t.ports.ratings.put(samples.rating.full)],
    ['ratings.put (no citizen)', () => t.ports.ratings.put(samples.rating.sparse)],
    ['ratings.summary', () => t.ports.ratings.summary('pr_1')],
    ['ratings.listByCitizen', () => t.ports.ratings.listByCitizen('ci_1')],
    ['ratings.anonymise', () => t.ports.ratings.anonymise('ci_1')],
    ['outbox.markSent', () => t.ports.outbox.markSent('no_1', minutesFrom(1))],
    ['outbox.retryLater', () => t.ports.outbox.retryLater('no_1', minutesFrom(2), 'HTTP 429')],
    ['outbox.markDead', () => t.ports.outbox.markDead('no_1', 'blocked')],
    ['outbox.get', () => t.ports.outbox.get('no_1')],
    ['outbox.listByCitizen', () => t.ports.outbox.listByCitizen('ci_1')],
    ['outbox.countByState', () => t.ports.outbox.countByState({ kind: 'announcement', payload: { n: 1 } })],
    ['outbox.removeByCitizen', () => t.ports.outbox.removeByCitizen('ci_1')],
    ['audit.head', () => t.ports.audit.head()],
    ['audit.list', () => t.ports.audit.list(1, 10)],
    ['audit.findByRef', () => t.ports.audit.findByRef('R')],
    ['staff.get', () => t.ports.staff.get('st_1')],
    ['staff.findByEmail', () => t.ports.staff.findByEmail('A@b.c')],
    ['staff.list', () => t.ports.staff.list()],
    ['staff.save', () => t.ports.staff.save(samples.staff.full)],
    ['staff.count', () => t.ports.staff.count()],
    ['faq.get', () => t.ports.faq.get('faq_1')],
    ['faq.list', () => t.ports.faq.list(null, 'el')],
    ['faq.upsert', () => t.ports.faq.upsert(samples.faq.full)],
    ['faq.delete', () => t.ports.faq.delete('faq_1')],
    ['conversations.get', () => t.ports.conversations.get('ci_1')],
    ['conversations.save', () => t.ports.conversations.save(samples.conversation.full)],
    ['conversations.delete', () => t.ports.conversations.delete('ci_1')],
    ['processedUpdates.prune', () => t.ports.processedUpdates.prune(minutesFrom(0))],
    ['fanout.create', () => t.ports.fanout.create(samples.fanout.full)],
    ['fanout.claim', () => t.ports.fanout.claim(minutesFrom(0), minutesFrom(1))],
    ['fanout.get', () => t.ports.fanout.get('fo_1')],
    ['fanout.countPending', () => t.ports.fanout.countPending()],
  ];

  it.each(calls)('%s', async (_, call) => {
    await call();
    expect(t.db.sent.length).toBeGreaterThan(0);
  });

  it('covers every method of every port', () => {
    const covered = new Set(calls.map(([name]) => name.split(' ')[0]));
    const ports = t.ports as unknown as Record<string, object>;
    const methods = Object.entries(ports).flatMap(([port, impl]) =>
      Object.getOwnPropertyNames(Object.getPrototypeOf(impl))
        .filter((m) => m !== 'constructor')
        .map((m) => `${port}.${m}`),
    );
    const privateHelpers = ['citizens.load', 'fanout.withRecipients', 'questions.list', 'supports.session'];
    const testedAbove = [
      'outbox.enqueue',
      'outbox.claimDue',
      'audit.append',
      'supports.add',
      'processedUpdates.claim',
      'ballots.put',
      'fanout.advance',
    ];
    expect(
      methods.filter((m) => !covered.has(m) && !privateHelpers.includes(m) && !testedAbove.includes(m)),
    ).toEqual([]);
  });
});
