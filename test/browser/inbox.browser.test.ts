// The inbox's subject and date filters and the reopen action, end to end: the built page on the real server,
// a real Neo4j with the demo county loaded and the models run (test/setup/server-global.ts).
// - A handler picks the demo official on the canvas and asks for the alerts on them: the inbox shows exactly
//   the API's alerts for that subject, under a chip that removes the filter again.
// - A first-seen range in the year 2000 matches nothing and says so; widened to today, everything is back.
// - Two alerts are dismissed through the API beforehand (as 李四, a handler). Signed in as 李四, the explorer
//   offers no 重新核查 on them; signed in as the admin 王五 it does, wants a reason, and the alert goes back
//   to verifying with the reopening in its history. A reopen from a stale screen shows the CONFLICT error bar.
// The alerts dismissed here come from models other than the one the triage test counts 查实率 for.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium.js';
import '../support/context.js';
import { apiAs, giveReason, poll, signIn, type GraphQL } from './signed-in.js';

const baseUrl = inject('baseUrl');
const demo = inject('demo');
/** The triage browser test concludes an alert of this model and checks its statistics: leave it alone. */
const TRIAGE_MODEL = 'procurement.kin-of-official-at-winning-bidder';
const users = inject('users');
const ADMIN = users.admin.name;
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../var/screenshots');

let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
/** Dismissed through the API in beforeAll: one to reopen in the explorer, one to reopen behind its back. */
let dismissed: string[] = [];
/** The handler 李四, through the API. */
let graphql: GraphQL;
/** Another admin, working through the API while the explorer's screen goes stale. */
let otherAdmin: GraphQL;
const OTHER_ADMIN = users.otherAdmin.name;

/** Alert ids (and the total) the API gives for a filter, first page of 50 as the inbox asks. */
async function apiAlerts(filter: Record<string, unknown>): Promise<{ total: number; ids: string[] }> {
  const { alerts } = await graphql<{ alerts: { totalCount: number; edges: { node: { id: string } }[] } }>(
    'query($f: AlertFilter) { alerts(filter: $f, first: 50) { totalCount edges { node { id } } } }',
    { f: filter },
  );
  return { total: alerts.totalCount, ids: alerts.edges.map((e) => e.node.id) };
}

const items = () => page.getByTestId('alert-item');
const shownIds = async () => (await items().evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).sort();
const state = () => page.getByTestId('alert-state').getAttribute('data-state');

beforeAll(async () => {
  graphql = await apiAs(baseUrl, users.otherHandler);
  otherAdmin = await apiAs(baseUrl, users.otherAdmin);
  // Two new alerts of other models, taken to 不属实 by a handler: assign, start, conclude with a reason.
  const { alerts } = await graphql<{ alerts: { edges: { node: { id: string; modelId: string } }[] } }>(
    '{ alerts(filter: {state: new}, first: 100) { edges { node { id modelId } } } }',
  );
  dismissed = alerts.edges
    .map((e) => e.node)
    .filter((a) => a.modelId !== TRIAGE_MODEL)
    .slice(0, 2)
    .map((a) => a.id);
  expect(dismissed).toHaveLength(2);
  for (const id of dismissed) {
    await graphql('mutation($id: ID!) { assign(id: $id) { state } }', { id });
    await graphql('mutation($id: ID!) { startVerification(id: $id) { state } }', { id });
    const { conclude } = await graphql<{ conclude: { state: string } }>(
      'mutation($id: ID!) { conclude(id: $id, outcome: NOT_CONFIRMED, reason: "经核查，亲属关系登记有误") { state } }',
      { id },
    );
    expect(conclude.state).toBe('dismissed');
  }

  ({ browser, page, pageErrors } = await openPage());
  await page.addInitScript(() => window.localStorage.setItem('huiyan.lang', 'zh'));
});

afterAll(async () => {
  await browser?.close();
});

describe('inbox filters: subject and first seen', () => {
  it('shows only the alerts on the entity picked on the canvas, under a removable chip', async () => {
    await signIn(page, baseUrl, users.otherHandler);
    await page.getByTestId('search-input').fill(demo.officialName);
    await page.getByTestId('search-input').press('Enter');
    await giveReason(page, '线索核查');
    await page.locator(`[data-testid="search-result"][data-id="${demo.officialUid}"] [data-testid="add-to-canvas"]`).click();
    await poll(() => page.getByTestId('details-caption').textContent()).toBe(demo.officialName);

    const all = await apiAlerts({});
    const theirs = await apiAlerts({ subject: demo.officialUid });
    expect(theirs.total).toBeGreaterThan(0);
    // Otherwise the filter could be doing nothing and the test would not know.
    expect(theirs.total).toBeLessThan(all.total);

    await page.getByTestId('alerts-on-entity').click();
    await poll(() => page.getByTestId('tab-alerts').getAttribute('aria-selected')).toBe('true');
    const chip = page.getByTestId('filter-subject-chip');
    await poll(() => chip.textContent()).toContain(demo.officialName);
    expect(await chip.getAttribute('data-id')).toBe(demo.officialUid);
    await poll(() => items().count()).toBe(theirs.ids.length);
    expect(await shownIds()).toEqual([...theirs.ids].sort());
    await poll(() => page.getByTestId('tab-alerts').textContent()).toContain(String(theirs.total));

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'inbox-subject.png') });

    await page.getByTestId('filter-subject-clear').click();
    expect(await chip.count()).toBe(0);
    await poll(() => items().count()).toBe(all.ids.length);
    expect(await shownIds()).toEqual([...all.ids].sort());
  });

  it('says nothing matches a first-seen range before the data, shows everything again when widened', async () => {
    const all = await apiAlerts({});
    await page.getByTestId('filter-from').fill('2000-01-01');
    await page.getByTestId('filter-to').fill('2000-12-31');
    await poll(() => page.getByTestId('alerts-empty').textContent()).toBe('没有符合筛选条件的预警');
    expect(await items().count()).toBe(0);

    // Up to today in the browser's calendar: every demo alert was first seen by now.
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await page.getByTestId('filter-to').fill(today);
    await poll(() => items().count()).toBe(all.ids.length);
    expect(await shownIds()).toEqual([...all.ids].sort());
    expect(await page.getByTestId('alerts-empty').count()).toBe(0);

    // Narrowed to nothing again, "clear filters" empties both dates and brings everything back.
    await page.getByTestId('filter-to').fill('2000-12-31');
    await poll(() => page.getByTestId('alerts-empty').count()).toBe(1);
    await page.getByTestId('clear-filters').click();
    await poll(() => items().count()).toBe(all.ids.length);
    expect(await page.getByTestId('filter-from').inputValue()).toBe('');
    expect(await page.getByTestId('filter-to').inputValue()).toBe('');
  });
});

describe('reopen', () => {
  it('is not offered to a handler on a dismissed alert', async () => {
    expect(await page.getByTestId('me-role').textContent()).toBe('承办');
    await page.getByTestId('filter-state').selectOption('dismissed');
    const item = page.locator(`[data-testid="alert-item"][data-id="${dismissed[0]}"]`);
    await item.click();
    await poll(state).toBe('dismissed');
    expect(await page.getByTestId('alert-state').textContent()).toBe('已排除');
    // The panel is there (a handler may comment), the reopen action is not.
    expect(await page.getByTestId('action-comment').count()).toBe(1);
    expect(await page.getByTestId('action-reopen').count()).toBe(0);
  });

  it('is offered to an admin, wants a reason, and sends the alert back to verifying with a history entry', async () => {
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-form').waitFor();
    await signIn(page, baseUrl, users.admin);
    expect(await page.getByTestId('me-role').textContent()).toBe('管理员');
    await page.getByTestId('tab-alerts').click();
    await page.getByTestId('filter-state').selectOption('dismissed');
    await page.locator(`[data-testid="alert-item"][data-id="${dismissed[0]}"]`).click();
    // A new sign-in is a new working session: the reason is asked again.
    await giveReason(page, '复查已排除预警');
    await poll(state).toBe('dismissed');
    const reopen = page.getByTestId('action-reopen');
    await poll(() => reopen.count()).toBe(1);
    expect(await reopen.textContent()).toBe('重新核查');
    await poll(() => page.getByTestId('history-entry').count()).toBe(3);

    await reopen.click();
    await page.getByTestId('reopen-submit').click();
    expect(await page.getByTestId('reopen-hint').textContent()).toBe('重新核查必须填写理由');
    expect(await state()).toBe('dismissed');

    const reason = '举报人补充了新的投标材料，需重新核查';
    await page.getByTestId('reopen-reason').fill(reason);
    await page.getByTestId('reopen-submit').click();
    await poll(state).toBe('verifying');
    expect(await page.getByTestId('alert-state').textContent()).toBe('核查中');
    // The conclusion is lifted from the facts; it stays in the history, under the reopening.
    expect(await page.getByTestId('alert-outcome').count()).toBe(0);
    await poll(() => page.getByTestId('history-entry').count()).toBe(4);
    const newest = page.getByTestId('history-entry').first();
    expect(await newest.getAttribute('data-action')).toBe('REOPEN');
    const text = await newest.textContent();
    expect(text).toContain(ADMIN);
    expect(text).toContain('重新核查，已排除 → 核查中');
    expect(text).toContain(`重新核查理由：${reason}`);
    expect(await page.getByTestId('history-entry').nth(1).textContent()).toContain('不属实');
    // Open again: reopen is gone, the handler's next step is offered.
    expect(await page.getByTestId('action-reopen').count()).toBe(0);
    expect(await page.getByTestId('action-conclude').count()).toBe(1);
    // The inbox row follows.
    await poll(() => page.locator(`[data-testid="alert-item"][data-id="${dismissed[0]}"]`).getAttribute('data-state')).toBe('verifying');

    await page.getByTestId('alert-history').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reopen.png') });

    const { alert } = await graphql<{
      alert: {
        state: string;
        outcome: string | null;
        reason: string | null;
        history: { actor: string; role: string; action: string; reason: string | null }[];
      };
    }>('query($id: ID!) { alert(id: $id) { state outcome reason history { actor role action reason } } }', { id: dismissed[0] });
    expect(alert).toMatchObject({ state: 'verifying', outcome: null, reason: null });
    expect(alert.history.at(-1)).toEqual({ actor: ADMIN, role: 'admin', action: 'REOPEN', reason });
  });

  it('shows CONFLICT when the alert was reopened by someone else since it was opened', async () => {
    await page.locator(`[data-testid="alert-item"][data-id="${dismissed[1]}"]`).click();
    await poll(state).toBe('dismissed');
    await page.getByTestId('action-reopen').click();
    // Meanwhile another admin reopens it.
    await otherAdmin('mutation($id: ID!) { reopen(id: $id, reason: "另一位管理员已重新核查") { state } }', { id: dismissed[1] });

    await page.getByTestId('reopen-reason').fill('发现新的线索');
    await page.getByTestId('reopen-submit').click();
    await poll(() => page.getByTestId('error-message').textContent()).toMatch(/^请求失败 \[CONFLICT\] 预警已被他人更新，请刷新后重试/);
    // Nothing is shown as done that was not: the screen still says what it last knew.
    expect(await state()).toBe('dismissed');
    const { alert } = await graphql<{ alert: { history: { actor: string; action: string }[] } }>(
      'query($id: ID!) { alert(id: $id) { history { actor action } } }',
      { id: dismissed[1] },
    );
    expect(alert.history.filter((e) => e.action === 'REOPEN').map((e) => e.actor)).toEqual([OTHER_ADMIN]);
    expect(alert.history).toHaveLength(4);
  });

  it('raised no script errors on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
