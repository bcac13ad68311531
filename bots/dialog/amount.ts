import type { Turn } from './turn';

/**
 * The amount in a citizen's answer to "how much?": the NLU's money or number entity when it finds
 * one, else the digits of a plain answer ("15 000", "15.000", "15k"). Null when there is none.
 */
export async function amountIn(turn: Turn, text: string): Promise<number | null> {
  try {
    const r = await turn.deps.nlu.parse(text, { localeHint: turn.locale });
    const e = r.entities.find((x) => x.type === 'money') ?? r.entities.find((x) => x.type === 'number');
    if (e && 'value' in e && typeof e.value === 'number') return e.value;
  } catch {
    // The NLU is a helper here, not a requirement: fall through to the plain reading.
  }
  return plainAmount(text);
}

export function plainAmount(text: string): number | null {
  const m =
    /^\s*(?:[€$]\s*)?(\d{1,3}(?:[ .\u00a0\u202f]\d{3})+|\d+)(?:[,.](\d{1,2}))?\s*(k|к|хил\.?|χιλ\.?|tis\.?)?\s*(?:€|eur|euro|евро|лв\.?|bgn|kč|czk|ευρώ)?\s*$/iu.exec(
      text,
    );
  if (!m) return null;
  const whole = Number((m[1] as string).replace(/[ .\u00a0\u202f]/g, ''));
  const value = whole + (m[2] ? Number(`0.${m[2]}`) : 0);
  return m[3] ? value * 1000 : value;
}
