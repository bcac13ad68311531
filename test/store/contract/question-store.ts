import { aQuestion, minutesFrom } from '../../builders';
import type { StoreFactory } from './harness';
import { freshStore, savedChallenge, savedCitizen } from './harness';

export function questionStoreContract(makeStore: StoreFactory): void {
  describe('QuestionStore', () => {
    const store = freshStore(makeStore);

    it('gives back a question exactly, before and after the answer', async () => {
      const citizen = await savedCitizen(store());
      const challenge = await savedChallenge(store());
      const question = aQuestion({
        citizenId: citizen.id,
        challengeId: challenge.id,
        locale: 'bg',
        text: 'Кога?',
      });
      await store().questions.save(question);
      expect(await store().questions.get(question.id)).toStrictEqual(question);
      const answered = {
        ...question,
        status: 'answered' as const,
        answer: 'В понеделник.',
        answeredBy: 'st_1',
        answerSource: 'official' as const,
        answeredAt: minutesFrom(60),
      };
      await store().questions.save(answered);
      expect(await store().questions.get(question.id)).toStrictEqual(answered);
      expect(await store().questions.get('qu_missing')).toBeNull();
    });

    it('lists open questions oldest first', async () => {
      const citizen = await savedCitizen(store());
      const late = aQuestion({ citizenId: citizen.id, askedAt: minutesFrom(10) });
      const early = aQuestion({ citizenId: null, askedAt: minutesFrom(1) });
      const done = aQuestion({
        citizenId: citizen.id,
        askedAt: minutesFrom(0),
        status: 'answered',
        answer: 'Yes',
      });
      for (const q of [late, early, done]) await store().questions.save(q);
      expect((await store().questions.listOpen()).map((q) => q.id)).toEqual([early.id, late.id]);
    });

    it('lists open questions asked at the same time in the order they were saved', async () => {
      const questions = ['qu_z', 'qu_x', 'qu_y'].map((id) => aQuestion({ id, citizenId: null }));
      for (const q of questions) await store().questions.save(q);
      expect((await store().questions.listOpen()).map((q) => q.id)).toEqual(questions.map((q) => q.id));
    });

    it('lists and removes the questions of a citizen', async () => {
      const [a, b] = [await savedCitizen(store()), await savedCitizen(store())];
      const mine = aQuestion({ citizenId: a.id });
      const theirs = aQuestion({ citizenId: b.id });
      for (const q of [mine, theirs]) await store().questions.save(q);
      expect(await store().questions.listByCitizen(a.id)).toStrictEqual([mine]);
      await store().questions.removeByCitizen(a.id);
      expect(await store().questions.get(mine.id)).toBeNull();
      expect(await store().questions.get(theirs.id)).toStrictEqual(theirs);
    });
  });
}
