// The dialogs over the page: the 查询事由 prompt and the password change. Each is built once and shown by
// state.dialog, so what is being typed survives re-renders; Esc or 取消 closes it.
import { ApiError } from '../api/client.js';
import type { Auth } from '../api/auth.js';
import { MAX_REASON } from '../api/session.js';
import { h } from '../dom.js';
import { errorText, translate, type Lang, type MessageKey } from '../i18n.js';
import type { Dialog, Store } from '../state.js';

/** A modal card: a title, a note, the fields, a hint line for what is wrong, submit and cancel. */
function modal(testid: string, fields: HTMLElement[], onSubmit: () => void, onCancel: () => void) {
  const title = h('h2', { class: 'modal-title' });
  const note = h('p', { class: 'muted small modal-note' });
  const hint = h('p', { class: 'form-hint', 'data-testid': `${testid}-hint`, hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn', 'data-testid': `${testid}-submit` });
  const cancel = h('button', { type: 'button', class: 'btn btn-ghost', 'data-testid': `${testid}-cancel`, onclick: onCancel });
  const form = h(
    'form',
    {
      class: 'modal',
      role: 'dialog',
      'aria-modal': 'true',
      'data-testid': `${testid}-dialog`,
      onsubmit: (ev) => {
        ev.preventDefault();
        onSubmit();
      },
      onkeydown: (ev) => {
        if ((ev as KeyboardEvent).key === 'Escape') onCancel();
      },
    },
    title,
    note,
    ...fields,
    hint,
    h('div', { class: 'modal-actions' }, submit, cancel),
  );
  const root = h('div', { class: 'modal-backdrop', hidden: true }, form);
  const say = (text: string | null) => {
    hint.textContent = text ?? '';
    hint.hidden = !text;
  };
  return { root, title, note, submit, cancel, say };
}

const labelled = (label: HTMLElement, control: HTMLElement) => h('label', { class: 'field' }, label, control);

/**
 * 查询事由: asked before the first read of people in a working session and when the server wants one;
 * changeable from the header. The answer goes to the controller (reasonGiven), which wakes the waiting
 * request; cancelling answers null, and that request is not sent.
 */
export function mountReasonDialog(host: HTMLElement, store: Store): void {
  const input = h('input', { type: 'text', 'data-testid': 'reason-input', maxlength: MAX_REASON, autocomplete: 'off' });
  const label = h('span', {});
  const m = modal(
    'reason',
    [labelled(label, input)],
    () => {
      const v = input.value.trim();
      if (!v) return m.say(translate(store.get().lang, 'reason.required'));
      store.dispatch({ type: 'reasonGiven', reason: v });
    },
    () => store.dispatch({ type: 'reasonGiven', reason: null }),
  );
  host.append(m.root);
  let shown: Dialog = null;
  store.subscribe((s) => {
    const t = (k: MessageKey) => translate(s.lang, k);
    m.title.textContent = t('reason.title');
    m.note.textContent = t('reason.note');
    label.textContent = t('reason.label');
    input.placeholder = t('reason.placeholder');
    m.submit.textContent = t('reason.submit');
    m.cancel.textContent = t('triage.cancel');
    const open = s.dialog === 'reason';
    if (open && shown !== 'reason') {
      input.value = s.reason ?? '';
      m.say(null);
      queueMicrotask(() => input.focus());
    }
    shown = s.dialog;
    m.root.hidden = !open;
  });
}

/** 修改密码: the current password, the new one twice. The server ends every other session of the user. */
export function mountPasswordDialog(host: HTMLElement, store: Store, auth: Auth, newCsrf: (csrf: string) => void): void {
  const field = (testid: string, autocomplete: string) =>
    h('input', { type: 'password', 'data-testid': testid, autocomplete, required: true });
  const current = field('password-current', 'current-password');
  const next = field('password-new', 'new-password');
  const again = field('password-again', 'new-password');
  const labels = { current: h('span', {}), next: h('span', {}), again: h('span', {}) };
  const close = () => store.dispatch({ type: 'dialog', dialog: null });
  const lang = (): Lang => store.get().lang;
  const m = modal(
    'password',
    [labelled(labels.current, current), labelled(labels.next, next), labelled(labels.again, again)],
    () => {
      if (next.value !== again.value) return m.say(translate(lang(), 'password.mismatch'));
      m.submit.disabled = true;
      auth
        .changePassword(current.value, next.value)
        .then((r) => {
          newCsrf(r.csrf);
          store.dispatch({ type: 'dialog', dialog: null });
          store.dispatch({ type: 'toast', key: 'password.changed' });
        })
        .catch((e: unknown) => {
          const err = e instanceof ApiError ? e : new ApiError('CLIENT', String(e));
          m.say(err.code === 'UNAUTHENTICATED' ? translate(lang(), 'password.wrongCurrent') : errorText(lang(), err.code, err.message));
        })
        .finally(() => {
          m.submit.disabled = false;
        });
    },
    close,
  );
  host.append(m.root);
  let shown: Dialog = null;
  store.subscribe((s) => {
    const t = (k: MessageKey) => translate(s.lang, k);
    m.title.textContent = t('password.title');
    m.note.textContent = t('password.note');
    labels.current.textContent = t('password.current');
    labels.next.textContent = t('password.new');
    labels.again.textContent = t('password.again');
    m.submit.textContent = t('password.submit');
    m.cancel.textContent = t('triage.cancel');
    const open = s.dialog === 'password';
    if (open && shown !== 'password') {
      // Nothing typed last time stays in the form.
      current.value = next.value = again.value = '';
      m.say(null);
      queueMicrotask(() => current.focus());
    }
    shown = s.dialog;
    m.root.hidden = !open;
  });
}
