import type { Response } from 'express';
import { Router } from 'express';
import type { StaffMember, StaffRole } from '../../../core/model/staff';
import { requireAdmin } from '../auth';
import type { Panel } from '../context';
import { flash, staffOf } from '../context';
import type { FormValues } from '../form';
import { formValues, input, select, text } from '../form';
import { html } from '../html';
import { csrfField, sendMessage, sendPage } from '../layout';
import { generatePassword } from '../password';
import { createStaff, disabled, isDisabled } from '../staff-accounts';
import { param, when } from '../view-helpers';

/** Staff accounts (administrators only): list, create with a given or generated password, disable. */
export function staffRouter(panel: Panel): Router {
  const r = Router();
  const { deps } = panel;
  r.use('/staff', requireAdmin);

  const state = (m: StaffMember) => {
    if (isDisabled(m)) return 'disabled';
    if (m.lockedUntil && m.lockedUntil > deps.clock.now()) return `locked until ${when(m.lockedUntil)}`;
    return 'active';
  };

  async function render(res: Response, status: number, error: string | null, v: FormValues): Promise<void> {
    const me = staffOf(res);
    const all = await deps.store.staff.list();
    sendPage(res, status, {
      title: 'Staff accounts',
      active: 'staff',
      error,
      body: html`<table>
          <thead>
            <tr>
              <th>Name</th>
              <th>E-mail</th>
              <th>Role</th>
              <th>State</th>
              <th>Created</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            ${all.map(
              (m) =>
                html`<tr>
                  <td>${m.name}</td>
                  <td>${m.email}</td>
                  <td>${m.role}</td>
                  <td>${state(m)}</td>
                  <td>${when(m.createdAt)}</td>
                  <td>
                    ${
                      m.id !== me.id && !isDisabled(m)
                        ? html`<form
                            method="post"
                            action="/admin/staff/${m.id}/disable"
                            class="inline"
                            data-confirm="Disable ${m.email}?"
                          >
                            ${csrfField(res)}<button type="submit" class="link danger">Disable</button>
                          </form>`
                        : ''
                    }
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
        <h2>New account</h2>
        <form method="post" action="/admin/staff" class="card">
          ${csrfField(res)}
          <div class="row">
            ${input('name', 'Name', v.name, { required: true })}
            ${input('email', 'E-mail', v.email, { required: true, type: 'email' })}
            ${select('role', 'Role', v.role ?? 'official', [
              ['official', 'official (review, answer, updates)'],
              ['admin', 'admin (everything)'],
            ])}
          </div>
          ${input('password', 'Password', '', { type: 'password', hint: 'At least 12 characters; leave empty to generate one (shown once).', attrs: html` autocomplete="new-password"` })}
          <button type="submit">Create account</button>
        </form>`,
    });
  }

  r.get('/staff', (_req, res) => render(res, 200, null, {}));

  r.post('/staff', async (req, res) => {
    const v = formValues(req);
    const given = v.password ?? '';
    const password = given === '' ? generatePassword() : given;
    const role = text(v, 'role') as StaffRole;
    const created = await createStaff(
      deps.store,
      { email: text(v, 'email'), name: text(v, 'name'), role, password },
      deps.clock.now(),
      deps.ids,
    );
    if (!created.ok) return render(res, 400, created.problem, { ...v, password: '' });
    panel.log.info({ staffId: created.member.id, role, by: staffOf(res).id }, 'staff account created');
    flash(
      res,
      'ok',
      given === ''
        ? `Account ${created.member.email} created with password ${password} — pass it on now, it is not shown again.`
        : `Account ${created.member.email} created.`,
    );
    res.redirect(303, '/admin/staff');
  });

  r.post('/staff/:id/disable', async (req, res) => {
    const m = await deps.store.staff.get(param(req.params.id));
    if (!m) return sendMessage(res, 404, 'Not found', 'There is no such account.');
    if (m.id === staffOf(res).id) return render(res, 400, 'You cannot disable your own account.', {});
    await deps.store.staff.save(disabled(m));
    panel.sessions.destroyFor(m.id);
    panel.log.info({ staffId: m.id, by: staffOf(res).id }, 'staff account disabled');
    flash(res, 'ok', `Account ${m.email} disabled.`);
    res.redirect(303, '/admin/staff');
  });

  return r;
}
