// The statistics page and the list screening end to end, on the demo county served by the real server
// (test/setup/server-global.ts): a handler of the whole county opens 统计分析, sees the four charts drawn
// by ECharts with the API's numbers, opens the top risk subject on the canvas, then screens ten ID numbers
// of the demo county's household register against a unit and exports the result as CSV. ECharts is loaded
// only when the statistics page opens, and the explorer's files go out compressed.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium.js';
import '../support/context.js';
import { apiAs, giveReason, poll, signIn, type GraphQL } from './signed-in.js';

const baseUrl = inject('baseUrl');
const varDir = inject('varDir');
const { handler } = inject('users');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../var/screenshots');

let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let graphql: GraphQL;
const requested: string[] = [];

/** The demo county's files as generated for this run (GBK, as the departments deliver them). */
function demoFile(name: string): string {
  const dir = path.join(varDir, 'demo');
  const county = readdirSync(dir).find((d) => d.startsWith('county-'));
  if (!county) throw new Error(`no demo county under ${dir}`);
  return new TextDecoder('gbk').decode(readFileSync(path.join(dir, county, name)));
}

beforeAll(async () => {
  ({ browser, page, pageErrors } = await openPage());
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  graphql = await apiAs(baseUrl, handler);
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

describe('statistics page', () => {
  it('loads no chart code until the page is opened', async () => {
    await signIn(page, baseUrl, handler);
    await page.waitForLoadState('networkidle');
    expect(requested.some((p) => p.includes('/assets/'))).toBe(true);
    expect(requested.filter((p) => /\/assets\/charts-/.test(p))).toEqual([]);
  });

  it("draws alerts by model, state, unit and month with the API's numbers", async () => {
    await page.getByTestId('nav-stats').click();
    for (const id of ['model', 'state', 'unit', 'month']) await page.locator(`[data-testid="stats-chart-${id}"] canvas`).first().waitFor();
    expect(requested.some((p) => /\/assets\/charts-/.test(p))).toBe(true);
    const { alertBreakdown: b } = await graphql<{
      alertBreakdown: {
        total: number;
        byModel: { count: number }[];
        byState: { count: number }[];
        byUnit: { count: number }[];
        byMonth: { count: number }[];
      };
    }>('{ alertBreakdown(units: 15) { total byModel { count } byState { count } byUnit { count } byMonth { count } } }');
    expect(b.total).toBeGreaterThan(0);
    await poll(() => page.getByTestId('stats-total').getAttribute('data-total')).toBe(String(b.total));
    const drawn = async (id: string) =>
      JSON.parse((await page.getByTestId(`stats-chart-${id}`).getAttribute('data-values')) ?? 'null') as number[];
    expect(await drawn('model')).toEqual(b.byModel.map((x) => x.count));
    expect(await drawn('state')).toEqual(b.byState.map((x) => x.count));
    expect(await drawn('unit')).toEqual(b.byUnit.map((x) => x.count));
    expect(await drawn('month')).toEqual(b.byMonth.map((x) => x.count));
    expect((await drawn('model')).reduce((s, n) => s + n, 0)).toBe(b.total);
    // 查实率 per model: one row per model with alerts.
    expect(await page.getByTestId('hit-rate-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('page-stats').textContent()).toContain('查实率');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'stats-overview.png'), fullPage: true });
  });

  it('opens the top risk subject on the canvas', async () => {
    const first = page.getByTestId('risk-row').first();
    await first.waitFor();
    const id = (await first.getAttribute('data-id'))!;
    await first.getByTestId('risk-open').click();
    // Reading a person asks why, the first time in this working session.
    await giveReason(page, '统计分析风险排名核查');
    await page.waitForFunction((uid) => window.__cy!.getElementById(uid).nonempty(), id, { timeout: 20_000 });
    expect(await page.getByTestId('page-stats').isHidden()).toBe(true);
  });
});

describe('list screening', () => {
  const ids = [...demoFile('户籍人口.csv').matchAll(/^(\d{17}[\dX]),/gm)].map((m) => m[1]!).slice(0, 10);
  const unitName = demoFile('机构编制名录.csv').split(/\r?\n/)[2]!.split(',')[1]!;

  it('screens ten ID numbers of the demo county against a unit and shows what is on record', async () => {
    expect(ids).toHaveLength(10);
    await page.getByTestId('nav-screen').click();
    await page.getByTestId('screen-input').fill(['身份证号', ...ids].join('\n'));
    await poll(() => page.getByTestId('screen-count').textContent()).toContain('10');
    await page.getByTestId('screen-unit-search').fill(unitName.slice(0, 6));
    await page.getByTestId('screen-unit-hit').first().click();
    expect(await page.getByTestId('screen-unit').textContent()).toContain(unitName.slice(0, 6));
    await page.getByTestId('screen-run').click();
    await poll(() => page.getByTestId('screen-row').count()).toBe(10);

    const { screen } = await graphql<{ screen: { status: string; openAlerts: unknown[] }[] }>(
      'query($e: [String!]!) { screen(entries: $e) { status openAlerts { id } } }',
      { e: ids },
    );
    // Every person of the household register is on record (the loaders pseudonymise their ID numbers).
    expect(screen.map((r) => r.status)).toEqual(Array(10).fill('FOUND'));
    const statuses = await page.getByTestId('screen-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses).toEqual(screen.map((r) => r.status));
    // The table shows names, never the ID numbers' owners' numbers in another column than the input.
    expect(await page.getByTestId('screen-result').textContent()).toContain('已匹配');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'screen-result.png'), fullPage: true });
  });

  it('exports the result as CSV, one line per entry', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('screen-export').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(/^序号,输入,结果/);
    lines.slice(1).forEach((l, i) => expect(l.startsWith(`${i + 1},${ids[i]},已匹配`)).toBe(true));
    expect(download.suggestedFilename()).toMatch(/^名单筛查-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(pageErrors).toEqual([]);
  });
});

describe('served bundle', () => {
  it('goes out compressed when the browser asks, and as it is otherwise', async () => {
    const html = await (await fetch(baseUrl)).text();
    const script = /src="(\/assets\/explorer-[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const br = await fetch(`${baseUrl}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    const compressed = Number(br.headers.get('content-length'));
    const plain = await fetch(`${baseUrl}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const size = (await plain.arrayBuffer()).byteLength;
    expect(compressed).toBeLessThan(size / 3);
  });
});
