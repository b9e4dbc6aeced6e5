// Who may see what, in the browser: the sign-in page refuses a wrong password and says so; the 查询事由 is
// asked once per working session (cancelling it sends nothing) and travels with every request; sign-out
// and a session the server ended both return to the sign-in page with nothing of the work left on it; an
// admin creates a user (whose generated password then signs them in) and issues and revokes a token (whose
// secret then works, and then does not); someone signs in once through a real OpenID Connect provider
// (test/support/oidc-provider.ts, started by the setup), and one huiyan does not know is refused; and a viewer who searched, expanded and opened an alert has no ID
// number anywhere in the page or in the GraphQL answers it received. The real server on a real Neo4j with
// the demo county (test/setup/server-global.ts); the suite's users come from test/setup/suite-users.ts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium.js';
import '../support/context.js';
import { apiAs, giveReason, idNumbersIn, poll, signIn, type GraphQL } from './signed-in.js';

const baseUrl = inject('baseUrl');
const demo = inject('demo');
const users = inject('users');

let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let admin: GraphQL;

beforeAll(async () => {
  ({ browser, page, pageErrors } = await openPage());
  await page.addInitScript(() => window.localStorage.setItem('huiyan.lang', 'zh'));
  admin = await apiAs(baseUrl, users.admin);
});

afterAll(async () => {
  await browser?.close();
});

/** The searches the page sends, with the 查询事由 header as the server decodes it. */
function watchRequests(p: Page) {
  const sent: { op: string; reason: string | null }[] = [];
  p.on('request', (r) => {
    if (!r.url().endsWith('/graphql') || r.method() !== 'POST') return;
    const op = (JSON.parse(r.postData() ?? '{}') as { operationName?: string }).operationName ?? '';
    const raw = r.headers()['x-huiyan-reason'];
    sent.push({ op, reason: raw ? decodeURIComponent(raw) : null });
  });
  return sent;
}

async function search(p: Page, q: string) {
  await p.getByTestId('search-input').fill(q);
  await p.getByTestId('search-input').press('Enter');
}

describe('sign-in page', () => {
  it('says a wrong password is wrong, in Chinese and English, and keeps the explorer shut', async () => {
    await page.goto(baseUrl);
    await page.getByTestId('signin-name').fill(users.handler.name);
    await page.getByTestId('signin-password').fill(`${users.handler.password}x`);
    await page.getByTestId('signin-submit').click();
    const error = page.getByTestId('signin-error');
    await poll(() => error.textContent()).toBe('用户名或密码错误Wrong user name or password');
    expect(await page.getByTestId('signin-password').inputValue()).toBe('');
    expect(await page.getByTestId('search-input').count()).toBe(0);
    // And the server agrees: this browser has no session.
    expect(await page.evaluate(async () => (await fetch('/auth/session')).status)).toBe(401);
  });
});

describe('the 查询事由 and signing out', () => {
  let sent: { op: string; reason: string | null }[];

  it('is asked before the first search; cancelled, nothing is searched', async () => {
    sent = watchRequests(page);
    await signIn(page, baseUrl, users.handler);
    expect(await page.getByTestId('reason-chip').textContent()).toBe('未填写查询事由');
    await search(page, demo.officialName);
    await page.getByTestId('reason-dialog').waitFor({ state: 'visible' });
    await page.getByTestId('reason-cancel').click();
    await poll(() => page.getByTestId('error-message').textContent()).toContain('[REASON_REQUIRED]');
    expect(sent.filter((r) => r.op === 'ExplorerSearch')).toEqual([]);
  });

  it('is asked once, sent with every request after, and shown in the header', async () => {
    await search(page, demo.officialName);
    await giveReason(page, '（2026）县纪立字第9号');
    await page.locator(`[data-testid="search-result"][data-id="${demo.officialUid}"]`).waitFor();
    expect(await page.getByTestId('reason-chip').textContent()).toBe('事由：（2026）县纪立字第9号');
    await page.locator(`[data-testid="search-result"][data-id="${demo.officialUid}"] [data-testid="add-to-canvas"]`).click();
    await page.getByTestId('expand-button').click();
    await page.waitForFunction(() => window.__cy!.nodes().length > 1);
    await search(page, demo.officialName);
    await poll(async () => sent.filter((r) => r.op === 'ExplorerSearch').length).toBe(2);
    expect(await page.getByTestId('reason-dialog').isVisible()).toBe(false);
    const reads = sent.filter((r) => ['ExplorerSearch', 'ExplorerNeighbours'].includes(r.op));
    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (const r of reads) expect(r.reason).toBe('（2026）县纪立字第9号');
  });

  it('can be changed from the header', async () => {
    await page.getByTestId('reason-chip').click();
    await page.getByTestId('reason-input').fill('线索初核');
    await page.getByTestId('reason-submit').click();
    await poll(() => page.getByTestId('reason-chip').textContent()).toBe('事由：线索初核');
    await search(page, demo.officialName);
    await poll(async () => sent.at(-1)).toEqual({ op: 'ExplorerSearch', reason: '线索初核' });
  });

  it('signing out returns to the sign-in page, with nothing of the work left and the reason gone', async () => {
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-form').waitFor();
    expect(await page.getByTestId('signin-notice').textContent()).toBe('已退出登录Signed out');
    expect(await page.content()).not.toContain(demo.officialName);
    expect(await page.evaluate(() => window.sessionStorage.getItem('huiyan.reason'))).toBeNull();
    expect(await page.evaluate(async () => (await fetch('/auth/session')).status)).toBe(401);
    // A reload is still the sign-in page, now without the notice.
    await page.reload();
    await page.getByTestId('signin-form').waitFor();
    expect(await page.getByTestId('signin-notice').count()).toBe(0);
  });
});

describe('admin', () => {
  const newUser = { name: `qa.${Date.now().toString(36)}`, displayName: '钱审查' };
  let password = '';

  it('offers the admin pages to an admin only', async () => {
    await signIn(page, baseUrl, users.admin);
    await poll(() => page.getByTestId('nav-users').count()).toBe(1);
    expect(await page.getByTestId('nav-tokens').count()).toBe(1);
    expect(await page.getByTestId('nav-audit').count()).toBe(1);
  });

  it('creates a user with a role and a unit found by name, and shows the generated password once', async () => {
    const { units } = await admin<{ units: { id: string; name: string }[] }>('{ units(limit: 1) { id name } }');
    const unit = units[0]!;
    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-table').waitFor();
    await page.getByTestId('user-new').click();
    await page.getByTestId('user-name').fill(newUser.name);
    await page.getByTestId('user-display').fill(newUser.displayName);
    await page.getByTestId('user-role').selectOption('viewer');
    await page.getByTestId('user-units-search').fill(unit.name);
    await page.locator(`[data-testid="user-units-hit"][data-id="${unit.id}"]`).click();
    await poll(() => page.getByTestId('user-units-chip').getAttribute('data-id')).toBe(unit.id);
    await page.getByTestId('user-save').click();

    const secret = page.getByTestId('user-password');
    await secret.waitFor();
    password = (await secret.textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(await page.getByTestId('user-password-copy').count()).toBe(1);
    const row = page.locator(`[data-testid="user-row"][data-name="${newUser.name}"]`);
    await poll(() => row.textContent()).toContain('查阅');
    expect(await row.textContent()).toContain(unit.name);
    const { users: listed } = await admin<{ users: { name: string; role: string; units: string[]; displayName: string }[] }>(
      '{ users { name role units displayName } }',
    );
    expect(listed.find((u) => u.name === newUser.name)).toEqual({ ...newUser, role: 'viewer', units: [unit.id] });
    // Shown once: leaving the page and coming back does not show it again.
    await page.getByTestId('nav-tokens').click();
    await page.getByTestId('nav-users').click();
    expect(await page.getByTestId('user-password').count()).toBe(0);
  });

  it('the new user signs in with that password, and is sent back to sign-in when the admin resets it', { timeout: 120_000 }, async () => {
    expect(password).not.toBe('');
    const { page: other, browser: b2 } = await openPage();
    try {
      await signIn(other, baseUrl, { ...newUser, role: 'viewer', password });
      expect(await other.getByTestId('me-role').textContent()).toBe('查阅');
      // A viewer gets no admin pages.
      expect(await other.getByTestId('nav-users').count()).toBe(0);

      await page.locator(`[data-testid="user-row"][data-name="${newUser.name}"] [data-testid="user-reset"]`).click();
      await page.locator(`[data-testid="user-row"][data-name="${newUser.name}"] [data-testid="user-reset"]`).click();
      await page.getByTestId('user-password').waitFor();
      expect(await page.getByTestId('user-password').textContent()).not.toBe(password);

      // The reset ended the user's session: their next request (the inbox again, in English) goes back to
      // sign-in, with nothing kept.
      await other.getByTestId('lang-switch').click();
      await other.getByTestId('signin-form').waitFor({ timeout: 20_000 });
      expect(await other.getByTestId('signin-notice').textContent()).toBe('会话已结束，请重新登录The session has ended: sign in again');
      expect(await other.getByTestId('search-input').count()).toBe(0);
    } finally {
      await b2.close();
    }
  });

  it('issues a token whose secret is shown once and works, and revokes it', async () => {
    await page.getByTestId('nav-tokens').click();
    await page.getByTestId('token-name').fill('财政一体化平台');
    await page.getByTestId('token-role').selectOption('system');
    await page.getByTestId('token-units-all').check();
    await page.getByTestId('token-days').fill('30');
    await page.getByTestId('token-issue').click();
    const secret = page.getByTestId('token-secret');
    await secret.waitFor();
    const bearer = (await secret.textContent()) ?? '';
    expect(bearer).toMatch(/^hy_/);
    expect(await page.getByTestId('token-secret-copy').count()).toBe(1);

    const me = async () => {
      const r = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ query: '{ me { name role } }' }),
      });
      return (await r.json()) as { data?: { me: { role: string } } | null; errors?: { extensions?: { code?: string } }[] };
    };
    expect((await me()).data?.me.role).toBe('system');

    const row = page.locator('[data-testid="token-row"][data-name="财政一体化平台"]');
    await poll(() => row.getByTestId('token-status').textContent()).toMatch(/^有效期至/);
    await row.getByTestId('token-revoke').click();
    await row.getByTestId('token-revoke').click();
    await poll(() => row.getByTestId('token-status').textContent()).toMatch(/^已于 .* 吊销$/);
    expect((await me()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the audit trail page', () => {
  it('shows who read the demo official, with the reason they gave, and finds the chain whole', async () => {
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-actor').fill(users.handler.name);
    await page.getByTestId('audit-entity').fill(demo.officialUid);
    await page.getByTestId('audit-kind').selectOption('READ');
    await page.getByTestId('audit-search').click();
    const rows = page.getByTestId('audit-row');
    // The page opens on the whole trail; the search replaces it with the handler's reads only.
    const shown = () =>
      rows.evaluateAll((els) => [...new Set(els.map((e) => `${e.getAttribute('data-actor')} ${e.getAttribute('data-kind')}`))]);
    await poll(shown).toEqual([`${users.handler.name} READ`]);
    const reasons = await page.getByTestId('audit-reason').allTextContents();
    // The handler's reads earlier in this file, each with the reason then in force.
    expect(reasons).toContain('（2026）县纪立字第9号');
    expect(reasons).toContain('线索初核');

    await page.getByTestId('audit-verify').click();
    const verdict = page.getByTestId('audit-verdict-text');
    await poll(() => verdict.getAttribute('data-ok')).toBe('true');
    expect(await verdict.textContent()).toMatch(/^审计链完整：共 \d+ 条记录/);
  });
});

describe('the identity provider', () => {
  /** Through the provider's own login page (oidc-provider's, any password) and back. */
  async function viaProvider(p: Page, login: string) {
    await p.goto(baseUrl);
    const button = p.getByTestId('signin-oidc');
    await poll(() => button.textContent()).toBe('通过 统一身份认证 登录Sign in with 统一身份认证');
    await button.click();
    await p.locator('input[name="login"]').fill(login);
    await p.locator('input[name="password"]').fill('any password the test provider takes');
    await p.locator('button[type="submit"]').click();
  }

  it('signs in once through the OpenID Connect provider, as the huiyan user of that name', async () => {
    const { browser: b, page: p } = await openPage();
    // Only huiyan's own page is ours to judge: the provider's development login page fetches a web font
    // it cannot reach on this closed network, and has no favicon.
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('console', (m) => {
      if (m.type() === 'error' && m.location().url.startsWith(baseUrl) && !/status of 401\b/.test(m.text())) errors.push(m.text());
    });
    try {
      await viaProvider(p, users.sso.name);
      await poll(() => p.getByTestId('me-name').textContent()).toBe(users.sso.displayName);
      expect(new URL(p.url()).origin).toBe(baseUrl);
      expect(await p.getByTestId('me-role').textContent()).toBe('承办');
      // The password is the provider's business: no change-password here.
      expect(await p.getByTestId('change-password').isVisible()).toBe(false);
      const via = await p.evaluate(async () => ((await (await fetch('/auth/session')).json()) as { user: { via: string } }).user.via);
      expect(via).toBe('oidc');
      expect(errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('refuses someone the provider knows and huiyan does not', async () => {
    const { browser: b, page: p } = await openPage();
    try {
      await viaProvider(p, 'stranger.at.provider');
      await poll(() => p.locator('body').textContent()).toContain('未在本系统登记');
      expect(await p.evaluate(async () => (await fetch('/auth/session')).status)).toBe(401);
    } finally {
      await b.close();
    }
  });
});

describe('a viewer', () => {
  // Signing in, a search, an expansion, a dozen details panels and an alert: more than the default minute on a busy machine.
  it('sees no ID number anywhere: not in the page, not in any GraphQL answer it received', { timeout: 150_000 }, async () => {
    const { browser: b, page: p, pageErrors: errors } = await openPage();
    try {
      // Every answer the page gets passes through here on its way in, whatever becomes of it on screen.
      const answers: string[] = [];
      await p.route('**/graphql', async (route) => {
        const response = await route.fetch();
        const body = await response.text();
        answers.push(body);
        await route.fulfill({ response, body });
      });
      await p.addInitScript(() => window.localStorage.setItem('huiyan.lang', 'zh'));
      await signIn(p, baseUrl, users.viewer);
      expect(await p.getByTestId('me-role').textContent()).toBe('查阅');
      await search(p, demo.officialName);
      await giveReason(p, '查阅核对');
      const hit = p.locator('[data-testid="search-result"]').first();
      await hit.waitFor();
      await hit.getByTestId('add-to-canvas').click();
      await p.getByTestId('expand-button').click();
      await p.waitForFunction(() => window.__cy!.nodes().length > 1);
      // Every node on the canvas selected once, so each one's details panel is rendered.
      const ids = await p.evaluate(() => window.__cy!.nodes().map((n) => n.id()));
      let html = '';
      for (const id of ids.slice(0, 12)) {
        // Nothing returned: a Cytoscape collection would be serialised back, all of its graph.
        await p.evaluate((x) => {
          window.__cy!.getElementById(x).select();
        }, id);
        html += await p.content();
      }
      await p.getByTestId('tab-alerts').click();
      await p.getByTestId('alert-item').first().click();
      await p.getByTestId('alert-summary').waitFor();
      // Nothing to act on: the server lists no actions for a viewer.
      await poll(() => p.getByTestId('triage-actions').textContent()).toBe('当前状态下没有可执行的操作');
      html += await p.content();
      const bodies = answers;
      expect(bodies.length).toBeGreaterThan(5);
      expect(bodies.join('\n')).toContain(demo.officialName);
      expect(idNumbersIn(bodies.join('\n'))).toEqual([]);
      expect(idNumbersIn(html)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await b.close();
    }
  });
});

describe('the page', () => {
  it('raised no script errors on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
