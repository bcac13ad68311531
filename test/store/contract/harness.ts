import type { Challenge } from '../../../core/model/challenge';
import type { Citizen } from '../../../core/model/citizen';
import type { Proposal } from '../../../core/model/proposal';
import type { Store, Stores } from '../../../core/ports/store';
import { aChallenge, aCitizen, aProposal } from '../../builders';

/** Builds a store for one test. */
export type StoreFactory = () => Promise<Store>;

/**
 * Gives every test of the enclosing describe a fresh store, closed after the test.
 * Returns an accessor because the store only exists once `beforeEach` has run.
 */
export function freshStore(makeStore: StoreFactory): () => Store {
  let store: Store | null = null;
  beforeEach(async () => {
    store = await makeStore();
  });
  afterEach(async () => {
    await store?.close();
    store = null;
  });
  return () => {
    if (!store) throw new Error('the store exists only inside a test');
    return store;
  };
}

// Adapters may check references, so rows are stored after the rows they point at.

export async function savedCitizen(store: Stores, overrides: Partial<Citizen> = {}): Promise<Citizen> {
  const citizen = aCitizen(overrides);
  await store.citizens.create(citizen);
  return citizen;
}

export async function savedChallenge(store: Stores, overrides: Partial<Challenge> = {}): Promise<Challenge> {
  const challenge = aChallenge(overrides);
  await store.challenges.save(challenge);
  return challenge;
}

export async function savedProposal(
  store: Stores,
  challenge: Challenge,
  overrides: Partial<Proposal> = {},
): Promise<Proposal> {
  const proposal = aProposal({ challengeId: challenge.id, authorId: null, ...overrides });
  await store.proposals.save(proposal);
  return proposal;
}

/** A promise with its resolve function, to pause one side of a race at a chosen point. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Settles `promise` into a value, so a rejection is never left unhandled while a test awaits something else. */
export const settle = <T>(
  promise: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
