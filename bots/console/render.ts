import type { Button, Reply } from '../dialog/types';

/**
 * Replies as terminal text. Buttons are numbered across the whole batch, so typing a number presses
 * the button shown with it; returns the buttons in that order.
 */
export function renderReplies(replies: readonly Reply[]): { text: string; buttons: Button[] } {
  const buttons: Button[] = [];
  const blocks: string[] = [];
  for (const r of replies) {
    const lines = [r.text];
    if (r.image) lines.push(`[image: ${r.image.alt}]`);
    if (r.requestContact) lines.push(`[${r.requestContact.label}: not available in the terminal]`);
    for (const row of r.buttons ?? []) {
      const cells = row.map((b) => {
        buttons.push(b);
        return `[${buttons.length}] ${b.label}`;
      });
      lines.push(`  ${cells.join('   ')}`);
    }
    blocks.push(lines.join('\n'));
  }
  return { text: blocks.join('\n\n'), buttons };
}
