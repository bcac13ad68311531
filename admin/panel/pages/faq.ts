import type { Response } from 'express';
import { Router } from 'express';
import type { FaqEntry } from '../../../core/model/faq';
import type { Locale } from '../../../core/model/locale';
import { isLocale, LOCALES } from '../../../core/model/locale';
import type { Panel } from '../context';
import { flash } from '../context';
import type { FormValues } from '../form';
import { formValues, input, queryText, select, text, textarea } from '../form';
import type { Html } from '../html';
import { html } from '../html';
import { csrfField, sendMessage, sendPage } from '../layout';
import { en, param, when } from '../view-helpers';

const MAX_Q = 500;
const MAX_A = 4000;

type Checked = { ok: true; challengeId: string | null; locale: Locale; question: string; answer: string };

/** FAQ editor: the general FAQ and each challenge's own, per language. */
export function faqRouter(panel: Panel): Router {
  const r = Router();
  const { deps } = panel;

  async function check(v: FormValues): Promise<Checked | { ok: false; problem: string }> {
    const challengeId = text(v, 'challenge') || null;
    const locale = text(v, 'locale');
    const question = text(v, 'question');
    const answer = text(v, 'answer');
    if (challengeId && !(await deps.store.challenges.get(challengeId)))
      return { ok: false, problem: 'challenge: no such challenge' };
    if (!isLocale(locale)) return { ok: false, problem: `language: one of ${LOCALES.join(', ')}` };
    if (!question || question.length > MAX_Q)
      return { ok: false, problem: `question: 1 to ${MAX_Q} characters` };
    if (!answer || answer.length > MAX_A) return { ok: false, problem: `answer: 1 to ${MAX_A} characters` };
    return { ok: true, challengeId, locale, question, answer };
  }

  async function scopeOptions(): Promise<[string, string][]> {
    const list = await deps.store.challenges.list();
    return [['', 'General FAQ'], ...list.map((c) => [c.id, en(c.title)] as [string, string])];
  }

  const entryForm = async (res: Response, action: string, v: FormValues, label: string): Promise<Html> =>
    html`<form method="post" action="${action}" class="card">
      ${csrfField(res)}
      <div class="row">
        ${select('challenge', 'FAQ of', v.challenge ?? '', await scopeOptions())}
        ${select(
          'locale',
          'Language',
          v.locale ?? 'en',
          LOCALES.map((l) => [l, l] as const),
        )}
      </div>
      ${input('question', 'Question', v.question, { required: true, attrs: html` maxlength="${MAX_Q}"` })}
      ${textarea('answer', 'Answer', v.answer, { required: true, attrs: html` maxlength="${MAX_A}"` })}
      <button type="submit">${label}</button>
    </form>`;

  async function renderList(res: Response, status: number, error: string | null, v: FormValues) {
    const challengeId = v.challenge || null;
    const lang = isLocale(v.lang) ? v.lang : undefined;
    const entries = await deps.store.faq.list(challengeId, lang);
    const scope = challengeId ? await deps.store.challenges.get(challengeId) : null;
    const filter = html`<form method="get" action="/admin/faq" class="inline">
      ${select('challenge', 'FAQ of', challengeId ?? '', await scopeOptions())}
      ${select('lang', 'Language', lang ?? '', [['', 'all'], ...LOCALES.map((l) => [l, l] as const)])}
      <button type="submit" class="secondary">Show</button>
    </form>`;
    const row = (e: FaqEntry) =>
      html`<tr>
        <td>${e.locale}</td>
        <td>${e.question}</td>
        <td>${e.answer.length > 160 ? `${e.answer.slice(0, 160)}…` : e.answer}</td>
        <td>${when(e.updatedAt)}</td>
        <td class="nowrap">
          <a href="/admin/faq/${e.id}">Edit</a>
          <form
            method="post"
            action="/admin/faq/${e.id}/delete"
            class="inline"
            data-confirm="Delete this FAQ entry?"
          >
            ${csrfField(res)}<button type="submit" class="link danger">Delete</button>
          </form>
        </td>
      </tr>`;
    sendPage(res, status, {
      title: `FAQ: ${scope ? en(scope.title) : 'general'}`,
      active: 'faq',
      error,
      body: html`${filter}
        ${
          entries.length
            ? html`<table>
                <thead>
                  <tr>
                    <th>Lang</th>
                    <th>Question</th>
                    <th>Answer</th>
                    <th>Updated</th>
                    <th></th>
                  </tr>
                </thead>
                <tbody>
                  ${entries.map(row)}
                </tbody>
              </table>`
            : html`<p>No entries here yet.</p>`
        }
        <h2>New entry</h2>
        ${await entryForm(res, '/admin/faq', { challenge: challengeId ?? '', locale: lang ?? 'en', ...v }, 'Add entry')}`,
    });
  }

  r.get('/faq', async (req, res) => {
    await renderList(res, 200, null, {
      challenge: queryText(req, 'challenge'),
      lang: queryText(req, 'lang'),
    });
  });

  r.post('/faq', async (req, res) => {
    const v = formValues(req);
    const c = await check(v);
    if (!c.ok) return renderList(res, 400, c.problem, v);
    const { ok: _ok, ...fields } = c;
    await deps.store.faq.upsert({ id: deps.ids.next('faq'), ...fields, updatedAt: deps.clock.now() });
    panel.faq.invalidate();
    flash(res, 'ok', 'FAQ entry added.');
    res.redirect(303, `/admin/faq?challenge=${encodeURIComponent(c.challengeId ?? '')}`);
  });

  const renderEdit = async (
    res: Response,
    e: FaqEntry,
    status: number,
    error: string | null,
    v: FormValues,
  ) =>
    sendPage(res, status, {
      title: 'Edit FAQ entry',
      active: 'faq',
      error,
      body: html`<p><a href="/admin/faq?challenge=${e.challengeId ?? ''}">← FAQ</a></p>
        ${await entryForm(res, `/admin/faq/${e.id}`, v, 'Save entry')}`,
    });

  const asForm = (e: FaqEntry): FormValues => ({
    challenge: e.challengeId ?? '',
    locale: e.locale,
    question: e.question,
    answer: e.answer,
  });

  r.get('/faq/:id', async (req, res) => {
    const e = await deps.store.faq.get(param(req.params.id));
    if (!e) return sendMessage(res, 404, 'Not found', 'There is no such FAQ entry.');
    await renderEdit(res, e, 200, null, asForm(e));
  });

  r.post('/faq/:id', async (req, res) => {
    const e = await deps.store.faq.get(param(req.params.id));
    if (!e) return sendMessage(res, 404, 'Not found', 'There is no such FAQ entry.');
    const v = formValues(req);
    const c = await check(v);
    if (!c.ok) return renderEdit(res, e, 400, c.problem, v);
    const { ok: _ok, ...fields } = c;
    await deps.store.faq.upsert({ ...e, ...fields, updatedAt: deps.clock.now() });
    panel.faq.invalidate();
    flash(res, 'ok', 'FAQ entry saved.');
    res.redirect(303, `/admin/faq?challenge=${encodeURIComponent(c.challengeId ?? '')}`);
  });

  r.post('/faq/:id/delete', async (req, res) => {
    const e = await deps.store.faq.get(param(req.params.id));
    if (!e) return sendMessage(res, 404, 'Not found', 'There is no such FAQ entry.');
    await deps.store.faq.delete(e.id);
    panel.faq.invalidate();
    flash(res, 'ok', 'FAQ entry deleted.');
    res.redirect(303, `/admin/faq?challenge=${encodeURIComponent(e.challengeId ?? '')}`);
  });

  return r;
}
