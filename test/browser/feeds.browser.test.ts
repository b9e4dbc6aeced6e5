// 数据备案 in the browser, as an administrator uses it: the demo county's feed registry (synth/feeds.yaml)
// with each feed's last delivery and status, the 死亡火化登记 feed overdue (the demo dates its delivery back),
// a feed's deliveries file by file, and a delivery's rejected rows with file, row, column and reason, read
// from the rejects file the loader wrote, without opening a server folder; the refused ID numbers masked. The page's figures are checked
// against the API's, which the GraphQL tests check against the loads (test/int/feeds/feeds.int.test.ts).
import path from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium.js';
import '../support/context.js';
import { apiAs, poll, signIn, type GraphQL } from './signed-in.js';

const baseUrl = inject('baseUrl');
const users = inject('users');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../var/screenshots');

let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let admin: GraphQL;

interface Run {
  id: string;
  file: string;
  rowsRead: number;
  rowsRejected: number;
  hasRejects: boolean;
}
interface Feed {
  id: string;
  overdue: boolean;
  lastDelivery: { date: string; runs: Run[] } | null;
}

beforeAll(async () => {
  ({ browser, page, pageErrors } = await openPage());
  await page.addInitScript(() => window.localStorage.setItem('huiyan.lang', 'zh'));
  admin = await apiAs(baseUrl, users.admin);
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('数据备案 (data filing)', () => {
  let feeds: Feed[];

  it('lists every registered feed with its status, the late one marked 逾期', async () => {
    ({ feeds } = await admin<{ feeds: Feed[] }>(
      '{ feeds { id overdue lastDelivery { date runs { id file rowsRead rowsRejected hasRejects } } } }',
    ));
    expect(feeds.find((f) => f.id === 'deaths')?.overdue).toBe(true);
    await signIn(page, baseUrl, users.admin);
    await page.getByTestId('nav-feeds').click();
    await page.getByTestId('feeds-table').waitFor();
    const shown = await page
      .getByTestId('feed-row')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-feed'), r.getAttribute('data-overdue')]));
    expect(shown).toEqual(feeds.map((f) => [f.id, String(f.overdue)]));
    const late = page.locator('[data-testid="feed-row"][data-feed="deaths"]');
    expect(await late.getByTestId('feed-overdue').textContent()).toBe('逾期');
    expect(await page.locator('[data-testid="feed-row"][data-feed="household-register"] [data-testid="feed-rejects-over"]').count()).toBe(
      1,
    );
  });

  it("opens a feed's deliveries and shows a file's rejected rows with file, row, column and reason", async () => {
    const hukou = feeds.find((f) => f.id === 'household-register')!;
    const run = hukou.lastDelivery!.runs[0]!;
    expect(run.hasRejects).toBe(true);
    await page.locator('[data-testid="feed-row"][data-feed="household-register"] [data-testid="feed-open"]').click();
    const row = page.locator(`[data-testid="delivery-row"][data-run="${run.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(run.file);
    await row.getByTestId('show-rejects').click();
    const { deliveryRejects } = await admin<{ deliveryRejects: { rows: { file: string; row: number; column: string; reason: string }[] } }>(
      'query($run: ID!) { deliveryRejects(runId: $run, first: 100) { rows { file row column reason } } }',
      { run: run.id },
    );
    expect(deliveryRejects.rows.length).toBe(run.rowsRejected);
    await poll(() => page.getByTestId('reject-row').count()).toBe(run.rowsRejected);
    const cells = await page
      .getByTestId('reject-row')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    // 序号, 文件, 行, 列, 值, 原因: the value aside, as the API gives them.
    expect(cells.map(([, file, row, column, , reason]) => ({ file, row: Number(row), column, reason }))).toEqual(deliveryRejects.rows);
    expect(cells.every((c) => c[5] !== '')).toBe(true);
    // The demo pseudonymises, so the loader wrote the refused ID numbers masked, in the reasons as in the values.
    expect(cells.filter(([, , , column]) => column === '公民身份号码')).not.toEqual([]);
    expect((await page.getByTestId('feed-rejects').textContent()) ?? '').not.toMatch(/\d{17}[\dXx]/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'feeds-rejects.png') });
    expect(pageErrors).toEqual([]);
  });

  it('says that the marriage register set its 制表人 line aside, and offers the note as 说明行, not as rejects', async () => {
    await page.locator('[data-testid="feed-row"][data-feed="civil-registration"] [data-testid="feed-open"]').click();
    const run = page.locator('[data-testid="delivery-row"]').filter({ hasText: '婚姻登记.csv' });
    await run.waitFor();
    expect(await run.getByTestId('rows-aside').textContent()).toBe('另有 1 行合计或表尾说明，不计入');
    expect(await run.getByTestId('show-rejects').textContent()).toBe('说明行');
    await run.getByTestId('show-rejects').click();
    await poll(() => page.getByTestId('reject-row').count()).toBe(1);
    expect(await page.getByTestId('feed-rejects').locator('h3').textContent()).toBe('婚姻登记.csv 的说明行（合计、表尾说明，未拒收）');
    expect(await page.getByTestId('reject-row').textContent()).toContain('制表人:婚姻登记处');
    // Back to the household register's rejects for the download below.
    await page.locator('[data-testid="feed-row"][data-feed="household-register"] [data-testid="feed-open"]').click();
    await page.locator('[data-testid="delivery-row"] [data-testid="show-rejects"]').first().click();
    await poll(() => page.getByTestId('feed-rejects').locator('h3').textContent()).toMatch(/的拒收明细$/);
  });

  it('shows the payroll delivered again under another header as refused whole, with the reason and the look-alike', async () => {
    const { feed } = await admin<{
      feed: { rejectsOver: boolean; deliveries: { filesRefused: number; runs: { id: string; status: string; reason: string | null }[] }[] };
    }>('{ feed(id: "payroll") { rejectsOver deliveries { filesRefused runs { id status reason } } } }');
    expect(feed.rejectsOver).toBe(true);
    const refused = feed.deliveries[0]!.runs.find((r) => r.status === 'refused')!;
    expect(refused.reason).toContain('工资月份 (month) ≈ 发薪月份');
    const row = page.locator('[data-testid="feed-row"][data-feed="payroll"]');
    expect(await row.getByTestId('feed-files-refused').textContent()).toBe('1 个文件整体拒收');
    await row.getByTestId('feed-open').click();
    const run = page.locator(`[data-testid="delivery-row"][data-run="${refused.id}"]`);
    await run.waitFor();
    expect(await run.getAttribute('data-status')).toBe('refused');
    expect(await run.getByTestId('run-refused').textContent()).toBe(`整个文件拒收：${refused.reason}`);
    // No rows were read, so there are none to list.
    expect(await run.getByTestId('show-rejects').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'feeds-refused.png') });
    // Back to the household register's rejects for the download below.
    await page.locator('[data-testid="feed-row"][data-feed="household-register"] [data-testid="feed-open"]').click();
    await page.locator('[data-testid="delivery-row"] [data-testid="show-rejects"]').first().click();
    await poll(() => page.getByTestId('feed-rejects').locator('h3').textContent()).toMatch(/的拒收明细$/);
    expect(pageErrors).toEqual([]);
  });

  it('downloads the rejected rows as a CSV to send back to the department, as the page shows them', async () => {
    const shown = await page
      .getByTestId('reject-row')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rejects-download').click()]);
    expect(file.suggestedFilename()).toMatch(/^huiyan-rejects-户籍人口-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['序号', '文件', '行', '列', '值', '原因']);
    expect(rows.slice(1)).toEqual(shown);
    await poll(() => page.getByTestId('rejects-download-progress').textContent()).toBe(`已下载 ${shown.length} 行`);
    expect(pageErrors).toEqual([]);
  });
});
