import type { Response } from 'express';
import type { Html } from './html';
import { html } from './html';
import { sessionOf, sessionOrNull, staffOrNull } from './context';
import { ASSET_PATHS } from './assets';

export interface PageOptions {
  title: string;
  body: Html;
  /** Nav entry to highlight. */
  active?: string;
  /** Extra scripts (asset paths) after the page's body. */
  scripts?: readonly string[];
  /** An error to show above the body (re-rendered forms). */
  error?: string | null;
}

const NAV: { key: string; href: string; label: string; adminOnly?: boolean }[] = [
  { key: 'dashboard', href: '/admin', label: 'Dashboard' },
  { key: 'challenges', href: '/admin/challenges', label: 'Challenges' },
  { key: 'questions', href: '/admin/questions', label: 'Questions' },
  { key: 'faq', href: '/admin/faq', label: 'FAQ' },
  { key: 'audit', href: '/admin/audit', label: 'Audit' },
  { key: 'staff', href: '/admin/staff', label: 'Staff', adminOnly: true },
];

/** The hidden CSRF field every POST form carries. */
export const csrfField = (res: Response): Html =>
  html`<input type="hidden" name="_csrf" value="${sessionOf(res).csrf}" />`;

/** The whole page: header with navigation and sign-out, the flash or error message, the body. */
export function layout(res: Response, o: PageOptions): Html {
  const session = sessionOrNull(res);
  const staff = staffOrNull(res);
  const flash = session?.flash ?? null;
  if (session) session.flash = null;
  const nav = staff
    ? NAV.filter((n) => !n.adminOnly || staff.role === 'admin').map(
        (n) =>
          html`<a href="${n.href}" ${o.active === n.key ? html` aria-current="page"` : ''}>${n.label}</a>`,
      )
    : [];
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${o.title} · Agora admin</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="${ASSET_PATHS.css}" />
      </head>
      <body>
        <header class="top">
          <a class="brand" href="/admin">Agora <span>admin</span></a>
          <nav aria-label="Main">${nav}</nav>
          ${
            staff
              ? html`<form class="signout" method="post" action="/admin/logout">
                  ${csrfField(res)}
                  <a class="who" href="/admin/account">${staff.name} · ${staff.role}</a>
                  <button type="submit" class="link">Sign out</button>
                </form>`
              : ''
          }
        </header>
        <main>
          <h1>${o.title}</h1>
          ${flash ? html`<p class="flash ${flash.kind}" role="status">${flash.text}</p>` : ''}
          ${o.error ? html`<p class="flash error" role="alert">${o.error}</p>` : ''} ${o.body}
        </main>
        <script src="${ASSET_PATHS.panelJs}"></script>
        ${(o.scripts ?? []).map((s) => html`<script src="${s}"></script>`)}
      </body>
    </html>`;
}

/** Sends a page with its status; never cached (pages show personal questions and live counts). */
export function sendPage(res: Response, status: number, o: PageOptions): void {
  res.status(status).set('Cache-Control', 'no-store').type('html').send(layout(res, o).value);
}

/** A simple message page (403, 404, 400 for a bad link). */
export function sendMessage(res: Response, status: number, title: string, text: string): void {
  sendPage(res, status, {
    title,
    body: html`<p>${text}</p>
      <p><a href="/admin">Back to the dashboard</a></p>`,
  });
}
