// The explorer end to end: the built page served by the real server, on a real Neo4j loaded with the
// synthetic demo county and the models run (test/setup/server-global.ts). Nothing is mocked; the graph
// state is read through window.__cy, the test hook graph/cy.ts exposes. A handler of the whole county signs
// in through the sign-in page and gives a 查询事由 before the first search.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium.js';
import '../support/context.js';
import { apiAs, giveReason, screenPosition, signIn, type GraphQL } from './signed-in.js';

const baseUrl = inject('baseUrl');
const demo = inject('demo');
const { handler } = inject('users');

const SCREENSHOTS = path.resolve(import.meta.dirname, '../../var/screenshots');

let browser: Browser;
let page: Page;
/** The alert opened in the alerts test, followed into the language switch. */
let openedAlertId = '';
let pageErrors: string[] = [];
let graphql: GraphQL;

const nodeCount = () => page.evaluate(() => window.__cy!.nodes().length);

beforeAll(async () => {
  ({ browser, page, pageErrors } = await openPage());
  graphql = await apiAs(baseUrl, handler);
});

afterAll(async () => {
  await browser?.close();
});

describe('explorer', () => {
  it('opens on the sign-in page, Chinese first with the English beside it', async () => {
    await page.goto(baseUrl);
    await expect.poll(() => page.title()).toContain('慧眼');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const form = page.getByTestId('signin-form');
    await form.waitFor();
    expect(await form.textContent()).toMatch(/用户名\s*User name[\s\S]*密码\s*Password[\s\S]*登录\s*Sign in/);
    // Nothing of the explorer is there before sign-in.
    expect(await page.getByTestId('search-input').count()).toBe(0);
  });

  it('signs in and opens in Chinese, with the name and role from the session', async () => {
    await signIn(page, baseUrl, handler);
    expect(await page.getByTestId('me-role').textContent()).toBe('承办');
    await expect.poll(() => page.getByTestId('tab-search').textContent()).toContain('搜索结果');
    expect(await page.getByTestId('search-input').getAttribute('placeholder')).toMatch(/姓名/);
    // The server behind the suite is past its first runs: the explorer asked /healthz and says nothing.
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName(`${location.origin}/healthz`).length)).toBeGreaterThan(0);
    expect(await page.getByTestId('startup-banner').isHidden()).toBe(true);
  });

  it('finds the demo official by part of the name and adds them to the canvas', async () => {
    const name = demo.officialName;
    const part = name.length >= 3 ? name.slice(-2) : name;
    await page.getByTestId('search-input').fill(part);
    await page.getByTestId('search-input').press('Enter');
    // The first read of people in this working session asks why.
    await giveReason(page, '（2026）县纪立字第7号');
    expect(await page.getByTestId('reason-chip').textContent()).toBe('事由：（2026）县纪立字第7号');

    const hit = page.locator(`[data-testid="search-result"][data-id="${demo.officialUid}"]`);
    await hit.waitFor();
    expect(await hit.textContent()).toContain(name);
    // The result shows a masked identifier, never the whole ID number.
    const key = demo.officialUid.slice(demo.officialUid.indexOf(':') + 1);
    if (/^\d{17}[\dX]$/.test(key)) expect(await hit.textContent()).not.toContain(key);

    await hit.getByTestId('add-to-canvas').click();
    await page.waitForFunction((id) => window.__cy!.getElementById(id).nonempty(), demo.officialUid);
    await page.waitForFunction((id) => window.__cy!.getElementById(id).selected(), demo.officialUid);
    await expect.poll(() => page.getByTestId('details-caption').textContent()).toBe(name);
  });

  it('expands a node on double-click', async () => {
    const before = await nodeCount();
    const at = await screenPosition(page, demo.officialUid);
    await page.mouse.dblclick(at.x, at.y);
    await page.waitForFunction((n) => window.__cy!.nodes().length > n, before, { timeout: 15_000 });
    const after = await nodeCount();
    expect(after).toBeGreaterThan(before);
    // One expansion is capped (EXPAND_LIMIT = 30 neighbours).
    expect(after - before).toBeLessThanOrEqual(30);
    expect(await page.evaluate(() => window.__cy!.edges().length)).toBeGreaterThan(0);
  });

  it('lists alerts and shows one as highlighted evidence with its summary', async () => {
    await page.getByTestId('tab-alerts').click();
    const items = page.getByTestId('alert-item');
    await items.first().waitFor();
    expect(demo.alertCount).toBeGreaterThan(0);
    // The inbox shows the first page (50); the setup's count may include alerts a re-run found gone.
    expect(await items.count()).toBeLessThanOrEqual(Math.min(50, demo.alertCount));

    const first = items.first();
    const alertId = (await first.getAttribute('data-id'))!;
    openedAlertId = alertId;
    await first.click();
    const summary = page.getByTestId('alert-summary');
    await summary.waitFor();

    const { alert } = await graphql<{
      alert: { summary: string; evidence: { nodes: { id: string }[] } };
    }>('query T($id: ID!) { alert(id: $id) { summary(lang: "zh") evidence { nodes { id } } } }', { id: alertId });
    expect((await summary.textContent())?.trim()).toBe(alert.summary);
    expect(alert.evidence.nodes.length).toBeGreaterThan(0);

    const classes = await page.evaluate(
      (ids) => ids.map((id) => window.__cy!.getElementById(id).hasClass('evidence')),
      alert.evidence.nodes.map((n) => n.id),
    );
    expect(classes.every(Boolean)).toBe(true);
    // Everything else on the canvas is faded, so the case stands out.
    const others = await page.evaluate(() => {
      const cy = window.__cy!;
      return cy
        .nodes()
        .not('.evidence')
        .toArray()
        .every((n) => n.hasClass('faded'));
    });
    expect(others).toBe(true);

    await page.waitForTimeout(600); // let the fit animation finish before the picture
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer.png') });
  });

  it('switches to English and remembers the choice', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => page.getByTestId('tab-alerts').textContent()).toContain('Alerts');
    expect(await page.title()).toContain('huiyan');
    await expect.poll(() => page.getByTestId('clear-canvas').textContent()).toBe('Clear');
    // The open alert's summary is asked for again, in English.
    const { alert } = await graphql<{ alert: { summary: string } }>('query T($id: ID!) { alert(id: $id) { summary(lang: "en") } }', {
      id: openedAlertId,
    });
    await expect.poll(() => page.getByTestId('alert-summary').textContent()).toBe(alert.summary);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-en.png') });

    // The session, the language and the reason survive a reload: no sign-in, no prompt.
    await page.reload();
    await expect.poll(() => page.getByTestId('tab-search').textContent()).toContain('Results');
    expect(await page.getByTestId('reason-chip').textContent()).toBe('Reason: （2026）县纪立字第7号');
  });

  it('clears the canvas', async () => {
    await page.getByTestId('tab-search').click();
    await page.getByTestId('search-input').fill(demo.officialName);
    await page.getByTestId('search-input').press('Enter');
    await page.locator(`[data-testid="search-result"][data-id="${demo.officialUid}"] [data-testid="add-to-canvas"]`).click();
    await page.waitForFunction(() => window.__cy!.nodes().length > 0);
    await page.getByTestId('clear-canvas').click();
    expect(await nodeCount()).toBe(0);
  });

  it('raised no script errors on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('the language switched while the inbox loads', () => {
  it('asks for the inbox again in the new language and shows that answer', async () => {
    const { browser: other, page: p } = await openPage();
    try {
      // The first inbox answer is held until the switch has been clicked.
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      const langs: string[] = [];
      await p.route('**/graphql', async (route) => {
        const body = route.request().postDataJSON() as { operationName?: string; variables?: { lang?: string } } | null;
        if (body?.operationName === 'ExplorerAlerts') {
          langs.push(body.variables?.lang ?? '');
          if (langs.length === 1) await held;
        }
        await route.continue();
      });
      await signIn(p, baseUrl, handler);
      await p.getByTestId('lang-switch').click();
      release();
      await expect.poll(() => langs).toEqual(['zh', 'en']);
      // The inbox tab is not the one open at first: its list is there, not shown.
      const first = p.getByTestId('alert-item').first();
      await first.waitFor({ state: 'attached' });
      const id = await first.getAttribute('data-id');
      const { alert } = await graphql<{ alert: { summary: string } }>('query T($id: ID!) { alert(id: $id) { summary(lang: "en") } }', {
        id,
      });
      await expect.poll(() => first.locator('.alert-summary').textContent()).toBe(alert.summary);
    } finally {
      await other.close();
    }
  });
});
