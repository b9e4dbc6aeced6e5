// The sign-in page: user name and password, and the site's identity provider when it has one. Every word
// is shown in Chinese with the English beside it (nobody has chosen a language yet who signs in for the
// first time). A refusal says what the server said: wrong name or password, or locked until a time.
import { ApiError } from '../api/client.js';
import { OIDC_LOGIN, type Auth, type SignedIn, type SignInMethods } from '../api/auth.js';
import { h, fill } from '../dom.js';
import { formatTime } from '../format.js';
import { errorText, translate, type MessageKey } from '../i18n.js';
import { signInError, type Notice } from '../session-flow.js';

/** Chinese first, the English beside it. */
function both(key: MessageKey, params: Record<string, string | number> = {}): HTMLElement[] {
  return [h('span', { class: 'zh' }, translate('zh', key, params)), h('span', { class: 'en' }, translate('en', key, params))];
}

export function mountSignIn(root: HTMLElement, auth: Auth, notice: Notice | null, onSignedIn: (s: SignedIn) => void): void {
  const name = h('input', {
    type: 'text',
    name: 'username',
    autocomplete: 'username',
    'data-testid': 'signin-name',
    required: true,
    maxlength: 64,
  });
  const password = h('input', {
    type: 'password',
    name: 'password',
    autocomplete: 'current-password',
    'data-testid': 'signin-password',
    required: true,
  });
  const submit = h(
    'button',
    { type: 'submit', class: 'btn btn-primary signin-submit', 'data-testid': 'signin-submit' },
    ...both('signin.submit'),
  );
  const error = h('p', { class: 'signin-error', role: 'alert', 'data-testid': 'signin-error', hidden: true });
  const providers = h('div', { class: 'signin-oidc', hidden: true });
  const form = h(
    'form',
    { class: 'signin-form', 'data-testid': 'signin-form' },
    h('label', { class: 'signin-field' }, h('span', { class: 'signin-label' }, ...both('signin.name')), name),
    h('label', { class: 'signin-field' }, h('span', { class: 'signin-label' }, ...both('signin.password')), password),
    error,
    submit,
  );
  const showError = (lines: (HTMLElement | string)[]) => {
    fill(error, lines);
    error.hidden = false;
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    auth
      .login(name.value.trim(), password.value)
      .then((s) => {
        // The password leaves the page with the form.
        password.value = '';
        onSignedIn(s);
      })
      .catch((e: unknown) => {
        const err = e instanceof ApiError ? e : new ApiError('CLIENT', String(e));
        const why = signInError(err.code, err.message);
        password.value = '';
        if (why.key === 'signin.failed') {
          showError([
            h('span', { class: 'zh' }, errorText('zh', err.code, err.message)),
            h('span', { class: 'en' }, errorText('en', err.code, '')),
          ]);
        } else {
          const at = (lang: 'zh' | 'en') => (why.until ? formatTime(why.until.toISOString(), lang) : '');
          showError([
            h('span', { class: 'zh' }, translate('zh', why.key, { time: at('zh') })),
            h('span', { class: 'en' }, translate('en', why.key, { time: at('en') })),
          ]);
        }
        password.focus();
      })
      .finally(() => {
        submit.disabled = false;
      });
  });

  fill(
    root,
    h(
      'div',
      { class: 'signin-card', 'data-testid': 'signin-page' },
      h(
        'div',
        { class: 'signin-brand' },
        h('span', { class: 'brand-mark' }, '慧'),
        h('span', { class: 'brand-name' }, translate('zh', 'app.title')),
        h('span', { class: 'brand-sub' }, `${translate('zh', 'app.subtitle')} · ${translate('en', 'app.subtitle')}`),
      ),
      h('h1', { class: 'signin-title' }, ...both('signin.title')),
      notice ? h('p', { class: 'signin-notice', 'data-testid': 'signin-notice' }, ...both(`signin.${notice}`)) : null,
      form,
      providers,
      h('p', { class: 'signin-note muted small' }, ...both('signin.note')),
    ),
  );
  name.focus();

  // The identity provider's button, when the site has one: a plain link, the server does the rest.
  auth
    .methods()
    .then((m: SignInMethods) => {
      if (!m.oidc) return;
      fill(
        providers,
        h('div', { class: 'signin-or muted small' }, ...both('signin.or')),
        h(
          'a',
          { class: 'btn btn-ghost signin-provider', href: OIDC_LOGIN, 'data-testid': 'signin-oidc' },
          ...both('signin.oidc', { provider: m.oidc.label }),
        ),
      );
      providers.hidden = false;
    })
    .catch(() => {
      // Without the list, the password form still works.
    });
}
