import type { Locale } from '../../core/model/locale';
import { pickText } from '../../core/model/locale';
import type { Notification } from '../../core/model/notification';
import type { Stores } from '../../core/ports/store';
import { btn } from '../dialog/journeys/common';
import { catalog } from '../dialog/i18n';
import { money } from '../dialog/i18n/format';
import type { Reply } from '../dialog/types';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The message of an outbox row, in the citizen's language at sending time (the payload holds ids
 * and values, not text). Null when what it refers to is gone: such a row is dropped, not sent.
 */
export async function renderNotification(
  n: Notification,
  locale: Locale,
  stores: Pick<Stores, 'proposals' | 'challenges'>,
): Promise<Reply | null> {
  const t = catalog(locale);
  const p = n.payload;
  switch (n.kind) {
    case 'proposal.reviewed': {
      const proposal = await stores.proposals.get(str(p.proposalId));
      if (!proposal) return null;
      const ch = await stores.challenges.get(proposal.challengeId);
      const title = pickText(proposal.title, locale);
      const open = [[btn(t.btnProjects, 'prj', proposal.id)]];
      if (p.status === 'rejected')
        return { text: t.notify.reviewedRejected(title, str(p.reason)), buttons: open };
      if (p.status === 'accepted') return { text: t.notify.reviewedAccepted(title), buttons: open };
      return {
        text: t.notify.reviewedCost(title, money(locale, Number(p.cost), ch?.currency ?? 'EUR')),
        buttons: open,
      };
    }
    case 'project.update': {
      const proposal = await stores.proposals.get(str(p.projectId));
      if (!proposal) return null;
      return {
        text: t.notify.update(pickText(proposal.title, locale), str(p.text)),
        buttons: [[btn(t.btnProjects, 'prj', proposal.id), btn(t.btnUnfollow, 'uf', 'p', proposal.id)]],
      };
    }
    case 'results.published': {
      const ch = await stores.challenges.get(str(p.challengeId));
      if (!ch) return null;
      const funded = Array.isArray(p.selected) ? p.selected.length : 0;
      return {
        text: t.notify.results(pickText(ch.title, locale), funded),
        buttons: [[btn(t.btnResults, 'res', ch.id)]],
      };
    }
    case 'question.answered':
      return { text: t.questionAnswered(str(p.question), str(p.answer)) };
    case 'announcement': {
      const ch = await stores.challenges.get(str(p.challengeId));
      if (!ch) return null;
      return {
        text: t.notify.announcement(pickText(ch.title, locale), str(p.text)),
        buttons: [[btn(t.btnMenu, 'ch', ch.id)]],
      };
    }
  }
}
