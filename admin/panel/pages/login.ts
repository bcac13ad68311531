import type { Response } from 'express';
import { html } from '../html';
import { csrfField, sendPage } from '../layout';

/** The sign-in form; the e-mail is kept after a failure, the password never. */
export function renderLogin(
  res: Response,
  status: number,
  values: { email: string; next: string },
  error: string | null,
): void {
  sendPage(res, status, {
    title: 'Sign in',
    error,
    body: html`<form class="card narrow" method="post" action="/admin/login">
      ${csrfField(res)}
      <input type="hidden" name="next" value="${values.next}" />
      <label class="field"
        ><span>E-mail</span>
        <input name="email" type="email" autocomplete="username" value="${values.email}" required autofocus
      /></label>
      <label class="field"
        ><span>Password</span>
        <input name="password" type="password" autocomplete="current-password" required
      /></label>
      <button type="submit">Sign in</button>
    </form>`,
  });
}
