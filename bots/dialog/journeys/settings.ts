import { eraseCitizen } from '../../../core/usecases/citizens/erase';
import { exportCitizenData } from '../../../core/usecases/citizens/export-data';
import { createLinkCode, LINK_CODE_TTL_MS, linkWithCode } from '../../../core/usecases/citizens/link';
import { setNotifications, verifyByCode, verifyPhone } from '../../../core/usecases/citizens/profile';
import type { Turn } from '../turn';
import type { Button } from '../types';
import { btn, showMenu } from './common';
import { askLanguage } from './onboarding';

export function showSettings(turn: Turn): void {
  const t = turn.t;
  const c = turn.citizen;
  const buttons: Button[][] = [
    [
      btn(t.btnLanguage, 'set', 'lang'),
      c.notifications
        ? btn(t.btnNotificationsOff, 'set', 'notif', 'off')
        : btn(t.btnNotificationsOn, 'set', 'notif', 'on'),
    ],
  ];
  const verify: Button[] = [];
  // Only Telegram tells whether a shared contact is the sender's own; elsewhere the button would dead-end.
  if (c.verification === 'none' && turn.msg.channel === 'telegram')
    verify.push(btn(t.btnVerifyPhone, 'set', 'phone'));
  if (turn.deps.municipalCodes && c.verification !== 'code') verify.push(btn(t.btnVerifyCode, 'set', 'code'));
  if (verify.length) buttons.push(verify);
  buttons.push([btn(t.btnLink, 'set', 'link'), btn(t.btnEnterLinkCode, 'set', 'linkin')]);
  buttons.push([btn(t.btnExport, 'set', 'export'), btn(t.btnDelete, 'set', 'del')]);
  buttons.push([btn(t.btnMenu, 'menu')]);
  turn.say(t.settingsTitle(t.languageName, c.notifications, t.verification[c.verification]), buttons);
}

export async function settingsAction(turn: Turn, what: string, arg?: string): Promise<void> {
  const t = turn.t;
  switch (what) {
    case 'lang':
      return askLanguage(turn);
    case 'notif': {
      const r = await setNotifications(turn.deps, turn.citizen.id, arg === 'on');
      if (!r.ok) return turn.sayError(r.error);
      turn.citizen = r.value;
      return showMenu(turn, arg === 'on' ? t.notificationsOn : t.notificationsOff);
    }
    case 'phone':
      turn.push({
        text: t.sharePhone,
        requestContact: { label: t.btnSharePhone },
        buttons: [[btn(t.btnCancel, 'cancel')]],
      });
      return;
    case 'code':
      if (!turn.deps.municipalCodes) return showSettings(turn);
      turn.go('verify', 'code', {});
      return turn.say(t.codePrompt, [[btn(t.btnCancel, 'cancel')]]);
    case 'link': {
      const r = await createLinkCode(turn.deps, turn.citizen.id);
      if (!r.ok) return turn.sayError(r.error);
      return showMenu(turn, t.linkCode(r.value.code, LINK_CODE_TTL_MS / 60000));
    }
    case 'linkin':
      turn.go('link', 'code', {});
      return turn.say(t.linkPrompt, [[btn(t.btnCancel, 'cancel')]]);
    case 'export': {
      const r = await exportCitizenData(turn.deps, turn.citizen.id);
      if (!r.ok) return turn.sayError(r.error);
      return showMenu(turn, t.exportReady(JSON.stringify(r.value, null, 1)));
    }
    case 'del':
      turn.go('delete', 'confirm', {});
      return turn.say(t.deleteConfirm, [[btn(t.btnDeleteYes, 'delyes'), btn(t.btnCancel, 'cancel')]]);
    default:
      return showSettings(turn);
  }
}

export async function confirmDelete(turn: Turn): Promise<void> {
  if (turn.conv.flow !== 'delete') return showMenu(turn, turn.t.staleButton);
  const r = await eraseCitizen(turn.deps, turn.citizen.id);
  if (!r.ok) return turn.sayError(r.error);
  turn.erased = true;
  turn.say(turn.t.deleted);
}

/** A shared contact: verifies the phone when the channel says it is the sender's own. */
export async function contactShared(turn: Turn, contact: { phone: string; own: boolean }): Promise<void> {
  const r = await verifyPhone(turn.deps, turn.citizen.id, contact.phone, contact.own);
  if (!r.ok) {
    if (!contact.own) return showMenu(turn, turn.t.phoneNotOwn);
    return showMenu(
      turn,
      r.error.code === 'PHONE_IN_USE' ? turn.t.error.PHONE_IN_USE : turn.t.error.INVALID_INPUT,
    );
  }
  turn.citizen = r.value;
  showMenu(turn, turn.t.phoneVerified);
}

export async function municipalCode(turn: Turn, code: string): Promise<void> {
  const codes = turn.deps.municipalCodes;
  if (!codes || !(await codes.redeem(code.trim(), turn.citizen.id)))
    return turn.say(turn.t.codeInvalid, [[btn(turn.t.btnCancel, 'cancel')]]);
  const r = await verifyByCode(turn.deps, turn.citizen.id);
  turn.done();
  if (!r.ok) return turn.sayError(r.error);
  turn.citizen = r.value;
  showMenu(turn, turn.t.codeVerified);
}

export async function enterLinkCode(turn: Turn, code: string): Promise<void> {
  const r = await linkWithCode(turn.deps, turn.msg.channel, turn.msg.externalId, code);
  if (!r.ok) return turn.say(turn.t.error[r.error.code], [[btn(turn.t.btnCancel, 'cancel')]]);
  // From now on this chat account is the other citizen: continue as them, at their menu.
  turn.citizen = r.value;
  turn.setLocale(r.value.locale);
  turn.conv = { citizenId: r.value.id, flow: null, step: null, data: {}, updatedAt: turn.now };
  showMenu(turn, turn.t.linked);
}
