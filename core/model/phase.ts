export const PHASES = [
  'draft',
  'informing',
  'proposals',
  'review',
  'supports',
  'voting',
  'results',
  'implementation',
  'closed',
] as const;
export type Phase = (typeof PHASES)[number];

export const isPhase = (v: unknown): v is Phase =>
  typeof v === 'string' && (PHASES as readonly string[]).includes(v);

/** Start time of each scheduled phase; a phase left out is skipped. `draft` needs no date. */
export type PhaseSchedule = Partial<Record<Exclude<Phase, 'draft'>, Date>>;

/** The phase in force at `now`: the latest scheduled phase already started, or `draft`. */
export function phaseAt(schedule: PhaseSchedule, now: Date): Phase {
  let current: Phase = 'draft';
  for (const p of PHASES) {
    if (p === 'draft') continue;
    const start = schedule[p];
    if (start && start.getTime() <= now.getTime()) current = p;
  }
  return current;
}

/** When the phase in force at `now` ends: the start of the next scheduled phase, if any. */
export function phaseEndsAt(schedule: PhaseSchedule, now: Date): Date | null {
  const idx = PHASES.indexOf(phaseAt(schedule, now));
  for (const p of PHASES.slice(idx + 1)) {
    const start = schedule[p as Exclude<Phase, 'draft'>];
    if (start && start.getTime() > now.getTime()) return start;
  }
  return null;
}

/** Schedules must run forward: each scheduled phase starts after the previous scheduled one. */
export function scheduleIsOrdered(schedule: PhaseSchedule): boolean {
  let last = -Infinity;
  for (const p of PHASES) {
    if (p === 'draft') continue;
    const start = schedule[p];
    if (!start) continue;
    if (start.getTime() <= last) return false;
    last = start.getTime();
  }
  return true;
}
