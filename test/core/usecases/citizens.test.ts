import { verifyAudit } from '../../../core/audit/verify';
import { castBallot } from '../../../core/usecases/ballots/cast-ballot';
import { eraseCitizen } from '../../../core/usecases/citizens/erase';
import { exportCitizenData } from '../../../core/usecases/citizens/export-data';
import { identifyCitizen } from '../../../core/usecases/citizens/identify';
import { createLinkCode, LINK_CODE_TTL_MS, linkWithCode } from '../../../core/usecases/citizens/link';
import {
  giveConsent,
  normalisePhone,
  setLocale,
  setNotifications,
  verifyPhone,
} from '../../../core/usecases/citizens/profile';
import { askQuestion } from '../../../core/usecases/engagement/questions';
import { unwrap } from '../../../core/shared/result';
import type { Locale } from '../../../core/model/locale';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeWithProjects, aCitizenIn } from '../../support/scenario';

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

const code = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): string =>
  r.ok ? 'ok' : r.error.code;

describe('citizens', () => {
  it('creates a citizen on first contact and finds the same one afterwards', async () => {
    const a = await identifyCitizen(deps, { channel: 'telegram', externalId: '42', locale: 'el' });
    const b = await identifyCitizen(deps, { channel: 'telegram', externalId: '42', locale: 'en' });
    expect(a.isNew).toBe(true);
    expect(b.isNew).toBe(false);
    expect(b.citizen.id).toBe(a.citizen.id);
    expect(b.citizen.locale).toBe('el');
    expect(a.citizen.consentAt).toBeNull();
  });

  it('records consent, language and notification preference', async () => {
    const id = await aCitizenIn(deps, { consent: false });
    expect(unwrap(await giveConsent(deps, id)).consentAt).toEqual(deps.clock.now());
    expect(unwrap(await setLocale(deps, id, 'cs')).locale).toBe('cs');
    expect(code(await setLocale(deps, id, 'xx' as Locale))).toBe('INVALID_INPUT');
    expect(unwrap(await setNotifications(deps, id, false)).notifications).toBe(false);
    expect(code(await giveConsent(deps, 'ct_missing'))).toBe('NOT_FOUND');
  });

  it('verifies only the sender’s own phone and keeps only its hash', async () => {
    const id = await aCitizenIn(deps);
    expect(code(await verifyPhone(deps, id, '+30 210 123 4567', false))).toBe('INVALID_INPUT');
    expect(code(await verifyPhone(deps, id, '12', true))).toBe('INVALID_INPUT');
    const c = unwrap(await verifyPhone(deps, id, '+30 210 123 4567', true));
    expect(c.verification).toBe('phone');
    expect(c.phoneHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(c)).not.toContain('2101234567');
    expect(normalisePhone('0030 210-123-4567')).toBe('+302101234567');
  });

  it('lets one phone number verify one citizen only (no second vote from a moved number)', async () => {
    const first = await aCitizenIn(deps);
    const second = await aCitizenIn(deps);
    unwrap(await verifyPhone(deps, first, '+30 210 123 4567', true));
    expect(code(await verifyPhone(deps, second, '0030 2101234567', true))).toBe('PHONE_IN_USE');
    expect((await deps.store.citizens.get(second))?.verification).toBe('none');
    // Verifying again with one's own number is fine; after erasure the number is free again.
    expect(code(await verifyPhone(deps, first, '+302101234567', true))).toBe('ok');
    unwrap(await eraseCitizen(deps, first));
    expect(code(await verifyPhone(deps, second, '+302101234567', true))).toBe('ok');
  });

  it('links a second channel with a one-time code', async () => {
    const { citizen } = await identifyCitizen(deps, { channel: 'telegram', externalId: 't1', locale: 'en' });
    const { code: c } = unwrap(await createLinkCode(deps, citizen.id));
    const linked = unwrap(await linkWithCode(deps, 'viber', 'v1', c.toLowerCase()));
    expect(linked.id).toBe(citizen.id);
    expect(linked.identities.map((i) => i.channel).sort()).toEqual(['telegram', 'viber']);
    expect((await deps.store.citizens.findByIdentity('viber', 'v1'))?.id).toBe(citizen.id);
    expect(code(await linkWithCode(deps, 'webchat', 'w1', c))).toBe('LINK_CODE_INVALID'); // one-time
  });

  it('refuses an expired or unknown code, and an account with its own activity', async () => {
    const owner = await aCitizenIn(deps);
    const { code: c } = unwrap(await createLinkCode(deps, owner));
    deps.clock.advance(LINK_CODE_TTL_MS + 1);
    expect(code(await linkWithCode(deps, 'viber', 'v2', c))).toBe('LINK_CODE_INVALID');
    expect(code(await linkWithCode(deps, 'viber', 'v2', 'NOPE2345'))).toBe('LINK_CODE_INVALID');

    const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [10]);
    const { citizen: busy } = await identifyCitizen(deps, {
      channel: 'viber',
      externalId: 'busy',
      locale: 'en',
    });
    unwrap(await giveConsent(deps, busy.id));
    unwrap(await castBallot(deps, busy.id, challenge.id, [{ projectId: projects[0]! }]));
    const fresh = unwrap(await createLinkCode(deps, owner));
    expect(code(await linkWithCode(deps, 'viber', 'busy', fresh.code))).toBe('LINK_ACCOUNT_HAS_ACTIVITY');
  });

  it('exports everything it holds about a citizen', async () => {
    const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [10]);
    const id = await aCitizenIn(deps);
    unwrap(await castBallot(deps, id, challenge.id, [{ projectId: projects[0]! }]));
    unwrap(await askQuestion(deps, id, { text: 'When does voting end?', locale: 'en' }));
    const data = unwrap(await exportCitizenData(deps, id));
    expect((data.citizen as { id: string }).id).toBe(id);
    expect(data.ballots).toHaveLength(1);
    expect(data.questions).toHaveLength(1);
    expect(data.follows).toHaveLength(1);
    expect(code(await exportCitizenData(deps, 'ct_nope'))).toBe('NOT_FOUND');
  });

  it('erases personal data but keeps ballots, anonymised, so results stay reproducible', async () => {
    const { challenge, projects } = await aChallengeWithProjects(deps, 'voting', [10, 20]);
    const id = await aCitizenIn(deps);
    const cast = unwrap(await castBallot(deps, id, challenge.id, [{ projectId: projects[1]! }]));
    unwrap(await askQuestion(deps, id, { text: 'Is my vote secret?', locale: 'en' }));
    unwrap(await eraseCitizen(deps, id));
    const ballots = await deps.store.ballots.listByChallenge(challenge.id);
    expect(ballots).toHaveLength(1);
    expect(ballots[0]?.citizenId).toBeNull();
    expect(ballots[0]?.receipt).toBe(cast.receipt);
    const c = await deps.store.citizens.get(id);
    expect(c?.identities).toEqual([]);
    expect(c?.erasedAt).not.toBeNull();
    expect(await deps.store.questions.listByCitizen(id)).toEqual([]);
    expect(await deps.store.follows.listByCitizen(id)).toEqual([]);
    expect((await verifyAudit(deps.store)).ok).toBe(true);
    expect(code(await giveConsent(deps, id))).toBe('CITIZEN_ERASED');
    expect(code(await castBallot(deps, id, challenge.id, [{ projectId: projects[0]! }]))).toBe(
      'CITIZEN_ERASED',
    );
  });
});
