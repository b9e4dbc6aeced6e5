// Triage end to end in the explorer: the built page on the real server, a real Neo4j with the demo county
// loaded and the models run (test/setup/server-global.ts). A handler named 张三 filters the inbox to the
// kin-at-winning-bidder model, opens an alert, assigns it to themself, starts verification, concludes it
// 属实 with 纠错整改, and sees the history and the new state; the API's model stats then show 查实率 1.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium.js';
import '../support/context.js';

const baseUrl = inject('baseUrl');
const MODEL = 'procurement.kin-of-official-at-winning-bidder';
const USER = '张三';
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../var/screenshots');

let browser: Browser;
let page: Page;
let alertId = '';
let pageErrors: string[] = [];

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** The machine is busy (2 cores, Neo4j, Chromium): a triage round trip can take seconds. */
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 20_000, interval: 100 });
const state = () => page.getByTestId('alert-state').getAttribute('data-state');
const historyCount = () => page.getByTestId('history-entry').count();

beforeAll(async () => {
  ({ browser, page, pageErrors } = await openPage());
  // Who the explorer acts as (sent as x-huiyan-user); Chinese first.
  await page.addInitScript((user) => {
    window.localStorage.setItem('huiyan.user', user);
    window.localStorage.setItem('huiyan.lang', 'zh');
  }, USER);
});

afterAll(async () => {
  await browser?.close();
});

describe('triage in the explorer', () => {
  it('filters the inbox by model and opens a new alert with its state and no history', async () => {
    await page.goto(baseUrl);
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

  it('raised no script errors on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
