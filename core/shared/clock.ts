/** Time comes through this port so that tests (and phase derivation) control it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
