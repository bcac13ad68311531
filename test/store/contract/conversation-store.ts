import type { Conversation } from '../../../core/model/conversation';
import { minutesFrom } from '../../builders';
import type { StoreFactory } from './harness';
import { freshStore, savedCitizen } from './harness';

export function conversationStoreContract(makeStore: StoreFactory): void {
  describe('ConversationStore', () => {
    const store = freshStore(makeStore);

    it('gives back the saved state, replaces it, and deletes it', async () => {
      const citizen = await savedCitizen(store());
      expect(await store().conversations.get(citizen.id)).toBeNull();
      const draft: Conversation = {
        citizenId: citizen.id,
        flow: 'propose',
        step: 'cost',
        data: { title: 'Bänke für den Park', cost: 5000, nested: { list: [1, 'δύο'] } },
        updatedAt: minutesFrom(1),
      };
      await store().conversations.save(draft);
      expect(await store().conversations.get(citizen.id)).toStrictEqual(draft);
      const menu: Conversation = { ...draft, flow: null, step: null, data: {}, updatedAt: minutesFrom(2) };
      await store().conversations.save(menu);
      expect(await store().conversations.get(citizen.id)).toStrictEqual(menu);
      await store().conversations.delete(citizen.id);
      expect(await store().conversations.get(citizen.id)).toBeNull();
    });
  });

  describe('ProcessedUpdateStore', () => {
    const store = freshStore(makeStore);

    it('claims a key once, and again only after it was pruned', async () => {
      expect(await store().processedUpdates.claim('telegram:42', minutesFrom(0))).toBe(true);
      expect(await store().processedUpdates.claim('telegram:42', minutesFrom(1))).toBe(false);
      expect(await store().processedUpdates.claim('viber:42', minutesFrom(1))).toBe(true);
      expect(await store().processedUpdates.prune(minutesFrom(1))).toBe(1);
      expect(await store().processedUpdates.claim('telegram:42', minutesFrom(2))).toBe(true);
      expect(await store().processedUpdates.claim('viber:42', minutesFrom(2))).toBe(false);
    });

    it('lets exactly one of many concurrent claims win', async () => {
      const wins = await Promise.all(
        Array.from({ length: 20 }, () => store().processedUpdates.claim('telegram:7', minutesFrom(0))),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
    });
  });
}
