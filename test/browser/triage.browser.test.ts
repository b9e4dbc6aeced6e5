// Triage end to end in the explorer: the built page on the real server, a real Neo4j with the demo county
// loaded and the models run (test/setup/server-global.ts). A handler named 张三 signs in, filters the inbox to
// the kin-at-winning-bidder model, opens an alert (giving a 查询事由), assigns it to themself, starts
// verification, concludes it 属实 with 纠错整改, and sees the history and the new state; the API's model stats
// then show 查实率 1. Another new alert is assigned to 李四, chosen from the list of handlers.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium.js';
import '../support/context.js';
import { apiAs, giveReason, poll, signIn, type GraphQL } from './signed-in.js';

const baseUrl = inject('baseUrl');
const MODEL = 'procurement.kin-of-official-at-winning-bidder';
const { handler, otherHandler } = inject('users');
const USER = handler.name;
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../var/screenshots');

let browser: Browser;
let page: Page;
let alertId = '';
let pageErrors: string[] = [];
let graphql: GraphQL;

const state = () => page.getByTestId('alert-state').getAttribute('data-state');
const historyCount = () => page.getByTestId('history-entry').count();

beforeAll(async () => {
  ({ browser, page, pageErrors } = await openPage());
  graphql = await apiAs(baseUrl, handler);
  await page.addInitScript(() => window.localStorage.setItem('huiyan.lang', 'zh'));
});

afterAll(async () => {
  await browser?.close();
});

describe('triage in the explorer', () => {
  it('filters the inbox by model and opens a new alert with its state and no history', async () => {
    await signIn(page, baseUrl, handler);
    await page.getByTestId('tab-alerts').click();
    await page.getByTestId('alert-item').first().waitFor();
    await poll(() => page.getByTestId('filter-model').locator(`option[value="${MODEL}"]`).count()).toBe(1);
    await page.getByTestId('filter-model').selectOption(MODEL);
    await page.getByTestId('filter-state').selectOption('new');

    const { alerts } = await graphql<{ alerts: { totalCount: number } }>(
      'query($m: String) { alerts(filter: {modelId: $m, state: new}) { totalCount } }',
      { m: MODEL },
    );
    expect(alerts.totalCount).toBeGreaterThan(0);
    await poll(() => page.locator('[data-testid="alert-item"][data-state="new"]').count()).toBe(Math.min(alerts.totalCount, 50));

    const item = page.locator('[data-testid="alert-item"][data-state="new"]').first();
    alertId = (await item.getAttribute('data-id'))!;
    await item.click();
    // Opening an alert shows the people it flags: the working session's first such read asks why.
    await giveReason(page, '预警核查');
    await page.getByTestId('alert-summary').waitFor();
    await poll(state).toBe('new');
    expect(await page.getByTestId('alert-state').textContent()).toBe('新发现');
    expect(await page.getByTestId('alert-history').textContent()).toContain('暂无处理记录');
    // Only what the state allows is offered.
    expect(await page.getByTestId('action-conclude').count()).toBe(0);
  });

  it('assigns to me, starts verification and concludes 属实 with 纠错整改', async () => {
    await page.getByTestId('action-assign').click();
    await poll(state).toBe('assigned');
    expect(await page.getByTestId('triage-facts').textContent()).toContain(USER);

    await page.getByTestId('action-start').click();
    await poll(state).toBe('verifying');

    await page.getByTestId('action-conclude').click();
    await page.getByTestId('conclude-outcome').selectOption('CONFIRMED');
    await page.getByTestId('conclude-disposal').selectOption('CORRECTION');
    await page.getByTestId('conclude-reason').fill('其配偶任法定代表人的企业中标本单位项目，属实');
    await page.getByTestId('conclude-amount').fill('50000');
    await page.getByTestId('conclude-submit').click();
    await poll(state).toBe('confirmed');
    expect(await page.getByTestId('alert-state').textContent()).toBe('已查实');
    expect(await page.getByTestId('alert-outcome').textContent()).toBe('属实');
    expect(await page.getByTestId('triage-facts').textContent()).toContain('纠错整改');

    // The history, newest first, says who did what.
    await poll(historyCount).toBe(3);
    const entries = await page.getByTestId('history-entry').allTextContents();
    expect(entries[0]).toContain('办结');
    expect(entries[0]).toContain('属实');
    expect(entries[0]).toContain('纠错整改');
    expect(entries[1]).toContain('开始核查');
    expect(entries[2]).toContain('分派');
    for (const e of entries) expect(e).toContain(USER);
    // Concluded: 整改完成 is what comes next; 办结 is gone.
    expect(await page.getByTestId('action-rectify').count()).toBe(1);
    expect(await page.getByTestId('action-conclude').count()).toBe(0);

    // The picture shows the history, below the facts in the details panel.
    await page.getByTestId('alert-history').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'triage.png') });
  });

  it('keeps it in the API: the history, and a 查实率 of 1 for the model', async () => {
    const { alert, model } = await graphql<{
      alert: {
        state: string;
        assignee: string;
        outcome: string;
        disposal: string;
        amountRecovered: number;
        history: { actor: string; action: string }[];
      };
      model: { stats: { concluded: number; confirmed: number; hitRate: number | null; corrections: number } };
    }>(
      `
        query ($id: ID!, $m: String!) {
          alert(id: $id) {
            state
            assignee
            outcome
            disposal
            amountRecovered
            history {
              actor
              action
            }
          }
          model(id: $m) {
            stats {
              concluded
              confirmed
              hitRate
              corrections
            }
          }
        }
      `,
      { id: alertId, m: MODEL },
    );
    expect(alert).toMatchObject({
      state: 'confirmed',
      assignee: USER,
      outcome: 'CONFIRMED',
      disposal: 'CORRECTION',
      amountRecovered: 50000,
    });
    expect(alert.history.map((e) => [e.actor, e.action])).toEqual([
      [USER, 'ASSIGN'],
      [USER, 'START_VERIFICATION'],
      [USER, 'CONCLUDE'],
    ]);
    expect(model.stats).toEqual({ concluded: 1, confirmed: 1, hitRate: 1, corrections: 1 });
  });

  it('finds the alert under "mine", in its new state, and shows it in English', async () => {
    await page.getByTestId('filter-state').selectOption('');
    await page.getByTestId('filter-mine').check();
    await poll(() => page.getByTestId('alert-item').count()).toBe(1);
    expect(await page.getByTestId('alert-item').first().getAttribute('data-id')).toBe(alertId);
    expect(await page.getByTestId('alert-item').first().getAttribute('data-state')).toBe('confirmed');

    await page.getByTestId('lang-switch').click();
    await poll(() => page.getByTestId('alert-state').textContent()).toBe('confirmed');
    // The language switch reloads the inbox with the same filter.
    await poll(() => page.getByTestId('alert-item').count()).toBe(1);
    expect(await page.getByTestId('history-entry').first().textContent()).toContain('Concluded');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'triage-en.png') });
  });

  it('assigns another new alert to a handler chosen from the list, by name', async () => {
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('filter-mine').uncheck();
    await page.getByTestId('filter-model').selectOption('');
    await page.getByTestId('filter-state').selectOption('new');
    const item = page.locator('[data-testid="alert-item"][data-state="new"]').first();
    await item.waitFor();
    const id = (await item.getAttribute('data-id'))!;
    await item.click();
    await poll(() => page.getByTestId('alert-state').getAttribute('data-state')).toBe('new');
    // The list is the server's: handlers and admins of the caller's jurisdiction, display name and name.
    const { assignees } = await graphql<{ assignees: { name: string; displayName: string }[] }>('{ assignees { name displayName } }');
    const offered = page.getByTestId('assign-to').locator('option:not([value=""])');
    await poll(() => offered.count()).toBe(assignees.length);
    expect(await offered.allTextContents()).toContain(`${otherHandler.displayName}`);
    expect(await offered.allTextContents()).toContain(`${handler.displayName} (${handler.name})`);
    // The reason prompt was answered once for this working session: it does not come back.
    expect(await page.getByTestId('reason-dialog').isVisible()).toBe(false);

    await page.getByTestId('assign-to').selectOption(otherHandler.name);
    await page.getByTestId('assign-submit').click();
    await poll(state).toBe('assigned');
    expect(await page.getByTestId('triage-facts').textContent()).toContain(otherHandler.name);
    expect(await page.getByTestId('history-entry').first().textContent()).toContain(`承办人 ${otherHandler.name}`);
    const { alert } = await graphql<{ alert: { assignee: string; history: { actor: string; assignee: string }[] } }>(
      'query($id: ID!) { alert(id: $id) { assignee history { actor assignee } } }',
      { id },
    );
    expect(alert).toEqual({ assignee: otherHandler.name, history: [{ actor: USER, assignee: otherHandler.name }] });
  });

  it('raised no script errors on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
