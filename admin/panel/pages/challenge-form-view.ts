import type { Response } from 'express';
import { VERIFICATION_ORDER } from '../../../core/model/citizen';
import { LOCALES } from '../../../core/model/locale';
import { COMPLETIONS } from '../../../core/model/rules';
import { BALLOT_KINDS, SCHEDULED } from '../challenge-form';
import type { FormValues } from '../form';
import { input, select, textarea } from '../form';
import type { Html } from '../html';
import { html } from '../html';
import { csrfField } from '../layout';

const LANG_NAMES: Record<string, string> = { en: 'English', el: 'Greek', bg: 'Bulgarian', cs: 'Czech' };

export interface ChallengeFormView {
  values: FormValues;
  action: string;
  /** Budget and rules cannot change: ballots exist. */
  rulesLocked: boolean;
  /** Budget, rules and dates are shown but only an administrator may change them. */
  adminFieldsDisabled: boolean;
  submitLabel: string;
}

/** The create/edit form of a challenge: texts per language, money, dates, rules. */
export function challengeFormView(res: Response, f: ChallengeFormView): Html {
  const v = f.values;
  const ruleOff = f.rulesLocked || f.adminFieldsDisabled;
  const off = { disabled: ruleOff };
  return html`<form method="post" action="${f.action}" class="card">
    ${csrfField(res)}
    <fieldset>
      <legend>Title and description</legend>
      <p class="hint">At least one language; citizens see their own language, else English, else any.</p>
      <div class="langs">
        ${LOCALES.map(
          (l) =>
            html`<div class="lang">
              <h3>${LANG_NAMES[l]} <code>${l}</code></h3>
              ${input(`title_${l}`, 'Title', v[`title_${l}`], { attrs: html` maxlength="200"` })}
              ${textarea(`desc_${l}`, 'Description', v[`desc_${l}`], { attrs: html` maxlength="5000"` })}
            </div>`,
        )}
      </div>
      ${input('domain', 'Domain', v.domain, { required: true, hint: 'e.g. mobility, culture, environment, tourism' })}
    </fieldset>
    <fieldset>
      <legend>Budget</legend>
      ${f.rulesLocked ? html`<p class="note">Ballots exist: budget and voting rules are locked.</p>` : ''}
      ${f.adminFieldsDisabled ? html`<p class="note">Only an administrator can change budgets, rules and dates.</p>` : ''}
      <div class="row">
        ${input('budget', 'Budget', v.budget, { required: true, type: 'number', ...off, attrs: html` min="1" step="any"` })}
        ${input('currency', 'Currency', v.currency, { required: true, disabled: f.adminFieldsDisabled, hint: 'ISO 4217: EUR, BGN, CZK', attrs: html` maxlength="3" pattern="[A-Za-z]{3}"` })}
        ${select(
          'minVerification',
          'Verification needed to vote',
          v.minVerification,
          VERIFICATION_ORDER.map((x) => [x, x] as const),
          { disabled: f.adminFieldsDisabled },
        )}
      </div>
    </fieldset>
    <fieldset>
      <legend>Phase dates (UTC, a phase left empty is skipped)</legend>
      <div class="row wrap">
        ${SCHEDULED.map((p) =>
          input(`phase_${p}`, p, v[`phase_${p}`], { type: 'date', disabled: f.adminFieldsDisabled }),
        )}
      </div>
    </fieldset>
    <fieldset>
      <legend>Ballot and outcome rules</legend>
      <div class="row wrap">
        ${select(
          'ballotKind',
          'Ballot',
          v.ballotKind,
          BALLOT_KINDS.map((k) => [k, k] as const),
          off,
        )}
        ${input('minBudgetShare', 'Knapsack: min % of budget', v.minBudgetShare, { type: 'number', ...off, attrs: html` min="0" max="100" step="any"` })}
        ${input('approvalMin', 'Approval: min projects', v.approvalMin, { type: 'number', ...off, attrs: html` min="0"` })}
        ${input('approvalMax', 'Approval: max projects', v.approvalMax, { type: 'number', ...off, attrs: html` min="1"` })}
        ${input('maxRanks', 'Ranked: projects to rank', v.maxRanks, { type: 'number', ...off, attrs: html` min="1"` })}
        ${input('points', 'Cumulative: points', v.points, { type: 'number', ...off, attrs: html` min="1"` })}
        ${input('maxPerProject', 'Cumulative: max per project', v.maxPerProject, { type: 'number', ...off, attrs: html` min="1"` })}
      </div>
      <div class="row">
        ${select(
          'outcomeMethod',
          'Outcome rule',
          v.outcomeMethod,
          [
            ['equal-shares', 'Method of Equal Shares'],
            ['greedy', 'Greedy'],
          ],
          off,
        )}
        ${select(
          'completion',
          'Equal Shares completion',
          v.completion,
          COMPLETIONS.map((c) => [c, c] as const),
          off,
        )}
      </div>
    </fieldset>
    <button type="submit">${f.submitLabel}</button>
  </form>`;
}
