import type { Response } from 'express';
import { Router } from 'express';
import type { Panel } from '../context';
import { flash, staffOf } from '../context';
import { formValues } from '../form';
import { html } from '../html';
import { csrfField, sendPage } from '../layout';
import { hashPassword, passwordProblem, verifyPassword } from '../password';

/** The signed-in member's own password (a generated first password is meant to be changed). */
export function accountRouter(panel: Panel): Router {
  const r = Router();

  const render = (res: Response, status: number, error: string | null) => {
    const me = staffOf(res);
    sendPage(res, status, {
      title: 'My account',
      error,
      body: html`<p>${me.name} · ${me.email} · ${me.role}</p>
        <form method="post" action="/admin/account/password" class="card narrow">
          ${csrfField(res)}
          <h2>Change password</h2>
          <label class="field"
            ><span>Current password</span
            ><input name="current" type="password" autocomplete="current-password" required
          /></label>
          <label class="field"
            ><span>New password</span
            ><input name="password" type="password" autocomplete="new-password" required minlength="12"
          /></label>
          <button type="submit">Change password</button>
        </form>`,
    });
  };

  r.get('/account', (_req, res) => render(res, 200, null));

  r.post('/account/password', async (req, res) => {
    const me = staffOf(res);
    const v = formValues(req);
    if (!(await verifyPassword(v.current ?? '', me.passwordHash)))
      return render(res, 400, 'The current password is not right.');
    const problem = passwordProblem(v.password ?? '');
    if (problem) return render(res, 400, `New password: ${problem}.`);
    await panel.deps.store.staff.save({ ...me, passwordHash: await hashPassword(v.password ?? '') });
    flash(res, 'ok', 'Password changed.');
    res.redirect(303, '/admin/account');
  });

  return r;
}
