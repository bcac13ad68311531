import type { Follow } from '../../core/model/follow';
import { atBase, nextSeq } from './sequence';

/** An active, explicitly asked-for follow of a challenge. */
export function aFollow(overrides: Partial<Follow> = {}): Follow {
  const n = nextSeq();
  return {
    citizenId: `ci_${n}`,
    target: { kind: 'challenge', id: `ch_${n}` },
    auto: false,
    active: true,
    updatedAt: atBase(),
    ...overrides,
  };
}
