import { LOCALES, pickText } from '../../../core/model/locale';
import type { Locale } from '../../../core/model/locale';
import { forcePhase } from '../../../core/usecases/challenges/manage';
import { postUpdate } from '../../../core/usecases/proposals/implementation';
import { reviewProposal } from '../../../core/usecases/proposals/review';
import { publishResults } from '../../../core/usecases/results/publish-results';
import { unwrap } from '../../../core/shared/result';
import { catalog } from '../../../bots/dialog/i18n';
import { renderNotification } from '../../../bots/outbox/render-notification';
import { createNlu, storeReferenceSource } from '../../../nlu';
import type { TestDeps } from '../../support/deps';
import { makeDeps } from '../../support/deps';
import { aChallengeIn } from '../../support/scenario';
import { Chat, engineOn } from './support';

/** What a citizen types for each step, in each language, as people write it. */
const SAY: Record<Locale, Record<'hello' | 'propose' | 'support' | 'vote' | 'results' | 'mine', string>> = {
  en: {
    hello: 'hello',
    propose: 'I want to submit a proposal',
    support: 'i want to support a proposal',
    vote: 'i want to vote',
    results: 'who won',
    mine: 'my proposals',
  },
  el: {
    hello: 'γεια',
    propose: 'θέλω να κάνω μια πρόταση',
    support: 'θέλω να στηρίξω μια πρόταση',
    vote: 'θέλω να ψηφίσω',
    results: 'ποιος κέρδισε;',
    mine: 'οι προτάσεις μου',
  },
  bg: {
    hello: 'здравейте',
    propose: 'искам да предложа проект',
    support: 'искам да подкрепя предложение',
    vote: 'искам да гласувам',
    results: 'кой спечели?',
    mine: 'моите предложения',
  },
  cs: {
    hello: 'ahoj',
    propose: 'chci podat návrh',
    support: 'chci podpořit návrh',
    vote: 'chci hlasovat',
    results: 'kdo vyhrál',
    mine: 'moje návrhy',
  },
};

const TITLE: Record<Locale, string> = {
  en: 'Benches by the river',
  el: 'Παγκάκια δίπλα στο ποτάμι',
  bg: 'Пейки край реката',
  cs: 'Lavičky u řeky',
};

let deps: TestDeps;
beforeEach(async () => {
  deps = await makeDeps();
});
afterEach(() => deps.store.close());

describe.each(LOCALES)('the whole journey in %s, by free text and buttons, with the real NLU', (locale) => {
  it('propose -> review -> support -> vote -> results -> follow -> update', async () => {
    const t = catalog(locale);
    const nlu = await createNlu({ clock: deps.clock, references: storeReferenceSource(deps.store) });
    const engine = engineOn(deps, nlu);
    const challenge = await aChallengeIn(deps, 'proposals', { budget: 50000 });
    const chat = new Chat(engine, `citizen-${locale}`, 'telegram', locale);

    await chat.say(SAY[locale].hello);
    await chat.press(t.languageName);
    expect(chat.text()).toContain(t.languageSet);
    await chat.press(t.consentYes);

    await chat.say(SAY[locale].propose);
    expect(chat.text()).toContain(t.proposeTitle(pickText(challenge.title, locale)));
    await chat.say(TITLE[locale]);
    await chat.say(locale === 'en' ? 'Ten benches along the river walk.' : `${TITLE[locale]}: 10.`);
    await chat.say('15000');
    await chat.press(t.btnSkip);
    expect(chat.text()).toContain(TITLE[locale]);
    await chat.press(t.btnSubmit);
    expect(chat.text()).toContain(t.proposeSent('1').slice(0, 10));
    const [proposal] = await deps.store.proposals.listByChallenge(challenge.id);
    expect(proposal?.title[locale]).toBe(TITLE[locale]);

    unwrap(await forcePhase(deps, challenge.id, 'review', 'staff_1'));
    unwrap(await reviewProposal(deps, proposal!.id, 'staff_1', { action: 'accept' }));
    const [reviewed] = await deps.store.outbox.listByCitizen(proposal!.authorId!);
    const told = await renderNotification(reviewed!, locale, deps.store);
    expect(told?.text).toBe(t.notify.reviewedAccepted(TITLE[locale]));

    unwrap(await forcePhase(deps, challenge.id, 'supports', 'staff_1'));
    await chat.say(SAY[locale].support);
    await chat.press(TITLE[locale]);
    await chat.press(t.btnSupport);
    expect(chat.text()).toContain(t.supported(TITLE[locale]));

    unwrap(await forcePhase(deps, challenge.id, 'voting', 'staff_1'));
    await chat.say(SAY[locale].vote);
    await chat.press(TITLE[locale]);
    await chat.press(t.btnSubmitBallot);
    expect(chat.text()).toMatch(/[2-9A-Z]{10}/);

    unwrap(await forcePhase(deps, challenge.id, 'results', 'staff_1'));
    unwrap(await publishResults(deps, challenge.id, 'staff_1'));
    await chat.say(SAY[locale].results);
    expect(chat.text()).toContain(TITLE[locale]);
    expect(chat.text()).toContain(t.resultsTitle('Parks', 1, 'A', 'B').slice(0, 6));

    await chat.say(SAY[locale].mine);
    await chat.press(TITLE[locale]);
    await chat.press(t.btnUnfollow);
    expect(chat.text()).toContain(t.unfollowed(TITLE[locale]));
    await chat.press(t.btnBack);
    await chat.press(t.btnFollow);
    expect(chat.text()).toContain(t.followed(TITLE[locale]));

    unwrap(
      await postUpdate(deps, proposal!.id, 'staff_1', {
        text: 'OK 50%',
        progress: 50,
        status: 'in_progress',
      }),
    );
    const updates = (await deps.store.outbox.listByCitizen(proposal!.authorId!)).filter(
      (n) => n.kind === 'project.update',
    );
    expect(updates).toHaveLength(1);
    expect((await renderNotification(updates[0]!, locale, deps.store))?.text).toBe(
      t.notify.update(TITLE[locale], 'OK 50%'),
    );
  });
});
