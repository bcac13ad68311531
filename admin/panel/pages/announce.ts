import type { Response } from 'express';
import { Router } from 'express';
import type { Challenge } from '../../../core/model/challenge';
import { announce } from '../../../core/usecases/engagement/announce';
import { domainStatus } from '../../http-errors';
import type { Panel } from '../context';
import { flash } from '../context';
import { formValues, text, textarea } from '../form';
import { html } from '../html';
import { csrfField, sendMessage, sendPage } from '../layout';
import { en, param } from '../view-helpers';

const MAX = 2000;

/** Broadcast an announcement to a challenge's followers and voters, through the outbox. */
export function announceRouter(panel: Panel): Router {
  const r = Router();
  const { deps } = panel;

  async function render(res: Response, c: Challenge, status: number, error: string | null, value: string) {
    const followers = await deps.store.follows.followers({ kind: 'challenge', id: c.id });
    const ballots = await deps.store.ballots.countByChallenge(c.id);
    sendPage(res, status, {
      title: `Announce: ${en(c.title)}`,
      active: 'challenges',
      error,
      body: html`<p><a href="/admin/challenges/${c.id}">← ${en(c.title)}</a></p>
        <form method="post" action="/admin/challenges/${c.id}/announce" class="card">
          ${csrfField(res)}
          <p>
            Goes to the ${followers.length} followers and the voters (${ballots} ballots) of this challenge,
            on the channel each uses, as written.
          </p>
          ${textarea('text', 'Announcement', value, { required: true, attrs: html` maxlength="${MAX}"` })}
          <button type="submit">Send announcement</button>
        </form>`,
    });
  }

  r.get('/challenges/:id/announce', async (req, res) => {
    const c = await deps.store.challenges.get(param(req.params.id));
    if (!c) return sendMessage(res, 404, 'Not found', 'There is no such challenge.');
    await render(res, c, 200, null, '');
  });

  r.post('/challenges/:id/announce', async (req, res) => {
    const c = await deps.store.challenges.get(param(req.params.id));
    if (!c) return sendMessage(res, 404, 'Not found', 'There is no such challenge.');
    const body = text(formValues(req), 'text');
    if (body.length > MAX) return render(res, c, 400, `An announcement is at most ${MAX} characters.`, body);
    const done = await announce(deps, c.id, body);
    if (!done.ok) return render(res, c, domainStatus(done.error), done.error.message, body);
    flash(res, 'ok', `Announcement queued for ${done.value.notified} people.`);
    res.redirect(303, `/admin/challenges/${c.id}`);
  });

  return r;
}
