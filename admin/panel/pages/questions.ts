import type { Response } from 'express';
import { Router } from 'express';
import { primaryIdentity } from '../../../core/model/citizen';
import type { Question } from '../../../core/model/question';
import { answerQuestion } from '../../../core/usecases/engagement/questions';
import { FAQ_MIN_SCORE } from '../../../nlu/faq/faq-retriever';
import { domainStatus } from '../../http-errors';
import type { Panel } from '../context';
import { flash, staffOf } from '../context';
import { formValues, text, textarea } from '../form';
import type { Html } from '../html';
import { html } from '../html';
import { csrfField, sendMessage, sendPage } from '../layout';
import { en, param, when } from '../view-helpers';

/** A model that has not answered by then is skipped: the official can always write the answer. */
const SUGGEST_TIMEOUT_MS = 8000;

const suggestion = (source: string, answer: string, detail: string): Html =>
  html`<div class="suggestion card">
    <p class="meta">${source} · ${detail}</p>
    <p class="text">${answer}</p>
    <button type="button" class="secondary" data-fill="answer" data-text="${answer}">Use this answer</button>
  </div>`;

/** The officials' inbox: open questions, suggestions from the FAQ and the model, answers via the outbox. */
export function questionsRouter(panel: Panel): Router {
  const r = Router();
  const { deps } = panel;

  r.get('/questions', async (_req, res) => {
    const open = await deps.store.questions.listOpen();
    const titles = new Map<string, string>();
    for (const c of await deps.store.challenges.list()) titles.set(c.id, en(c.title));
    sendPage(res, 200, {
      title: `Questions (${open.length} open)`,
      active: 'questions',
      body:
        open.length === 0
          ? html`<p>No open questions. Questions the bot could not answer from the FAQ arrive here.</p>`
          : html`<table>
              <thead>
                <tr>
                  <th>Asked</th>
                  <th>Question</th>
                  <th>Language</th>
                  <th>Challenge</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                ${open.map(
                  (q) =>
                    html`<tr>
                      <td>${when(q.askedAt)}</td>
                      <td>${q.text.length > 140 ? `${q.text.slice(0, 140)}…` : q.text}</td>
                      <td>${q.locale}</td>
                      <td>${q.challengeId ? (titles.get(q.challengeId) ?? q.challengeId) : 'general'}</td>
                      <td><a class="button" href="/admin/questions/${q.id}">Answer</a></td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
    });
  });

  async function llmSuggestion(q: Question): Promise<string | null> {
    if (!panel.suggest) return null;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<null>(
        (resolve) => (timer = setTimeout(() => resolve(null), SUGGEST_TIMEOUT_MS)),
      );
      return await Promise.race([panel.suggest(q.text, q.locale), timeout]);
    } catch (err) {
      panel.log.warn({ err, questionId: q.id }, 'answer suggestion failed');
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  async function render(res: Response, q: Question, status: number, error: string | null, answer: string) {
    const [faq, llm, citizen, challenge] = await Promise.all([
      panel.faq.search(q.text, q.locale, q.challengeId, FAQ_MIN_SCORE).catch(() => null),
      llmSuggestion(q),
      q.citizenId ? deps.store.citizens.get(q.citizenId) : null,
      q.challengeId ? deps.store.challenges.get(q.challengeId) : null,
    ]);
    const channel = citizen ? primaryIdentity(citizen)?.channel : undefined;
    const answered = q.status === 'answered';
    sendPage(res, status, {
      title: 'Answer a question',
      active: 'questions',
      error,
      body: html`<p><a href="/admin/questions">← Inbox</a></p>
        <section class="card">
          <p class="meta">
            ${when(q.askedAt)} · ${q.locale}${challenge ? ` · ${en(challenge.title)}` : ''} · reaches the
            citizen on ${channel ?? 'no reachable channel'}
          </p>
          <blockquote>${q.text}</blockquote>
        </section>
        ${faq ? suggestion('From the FAQ', faq.answer, `matched “${faq.question}” (score ${faq.score.toFixed(2)})`) : ''}
        ${llm ? suggestion('Drafted by the language model', llm, 'check before sending') : ''}
        ${
          answered
            ? html`<p class="flash ok">Answered ${when(q.answeredAt)}: ${q.answer}</p>`
            : html`<form method="post" action="/admin/questions/${q.id}/answer" class="card">
                ${csrfField(res)}
                ${textarea('answer', `Answer (in ${q.locale})`, answer, { required: true, attrs: html` id="answer" maxlength="4000"` })}
                <button type="submit">Send answer</button>
              </form>`
        }`,
    });
  }

  r.get('/questions/:qid', async (req, res) => {
    const q = await deps.store.questions.get(param(req.params.qid));
    if (!q) return sendMessage(res, 404, 'Not found', 'There is no such question.');
    await render(res, q, 200, null, '');
  });

  r.post('/questions/:qid/answer', async (req, res) => {
    const q = await deps.store.questions.get(param(req.params.qid));
    if (!q) return sendMessage(res, 404, 'Not found', 'There is no such question.');
    const answer = text(formValues(req), 'answer');
    if (!answer) return render(res, q, 400, 'Write an answer first.', answer);
    if (answer.length > 4000) return render(res, q, 400, 'An answer is at most 4000 characters.', answer);
    const done = await answerQuestion(deps, q.id, staffOf(res).id, answer);
    if (!done.ok) return render(res, q, domainStatus(done.error), done.error.message, answer);
    flash(res, 'ok', 'Answer sent: it is queued for delivery on the citizen’s channel.');
    res.redirect(303, '/admin/questions');
  });

  return r;
}
