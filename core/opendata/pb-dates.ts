/**
 * Pabulib dates are `dd.mm.yyyy` or just `yyyy`. They are calendar days, so they map to midnight UTC:
 * no time zone can move them to another day on the way back.
 */
export function parsePbDate(text: string | undefined): Date | null {
  if (!text) return null;
  let m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  if (m) {
    const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
    return d.getUTCDate() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 ? d : null;
  }
  m = /^(\d{4})$/.exec(text.trim());
  return m ? new Date(Date.UTC(Number(m[1]), 0, 1)) : null;
}

export function formatPbDate(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}.${mm}.${d.getUTCFullYear()}`;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
