const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/**
 * Splits a long reply for channels with a per-message limit: at a line break in the second half of
 * the window, else a space, else a hard cut that never splits an emoji's surrogate pair. `max` is in
 * UTF-16 units, which never counts fewer characters than the platforms do.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const nl = window.lastIndexOf('\n');
    const sp = window.lastIndexOf(' ');
    let at = nl > max / 2 ? nl : sp > max / 2 ? sp : max;
    if (at === max && isHighSurrogate(rest.charCodeAt(at - 1))) at -= 1;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^[\n ]/, '');
  }
  parts.push(rest);
  return parts.filter((p, i) => p.length > 0 || i === 0);
}
