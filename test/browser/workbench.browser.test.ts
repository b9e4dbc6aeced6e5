// The model workbench in the browser, as an analyst: open the M03 model, add a write clause and see it
// refused on its line, take it out and see it pass, try it on the demo county and see its alerts compared
// with those on record (all kept), save it as a draft, rename it in the header form and publish it as a new
// site model, which the library then lists. The read-only console refuses a write. Screenshots go to
// var/screenshots/workbench-*.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium.js';
import '../support/context.js';
import { apiAs, poll, signIn, type GraphQL } from './signed-in.js';

const baseUrl = inject('baseUrl');
const users = inject('users');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../var/screenshots');
const M03 = 'procurement.kin-of-official-at-winning-bidder';
const COPY = 'site.kin-at-winning-bidder-copy';

let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let analyst: GraphQL;
let source: string;

beforeAll(async () => {
  ({ browser, page, pageErrors } = await openPage());
  await page.addInitScript(() => window.localStorage.setItem('huiyan.lang', 'zh'));
  analyst = await apiAs(baseUrl, users.analyst);
  source = (await analyst<{ modelSource: string }>(`{ modelSource(id: "${M03}") }`)).modelSource;
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Replaces the editor's whole text, as a paste would. */
async function typeSource(testid: string, text: string) {
  await page.getByTestId(testid).locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

describe('the workbench, as an analyst', () => {
  it('is offered to an analyst and opens an existing model in the editor', async () => {
    await signIn(page, baseUrl, users.analyst);
    await page.getByTestId('nav-workbench').click();
    await poll(() => page.getByTestId('wb-open').locator('option').count()).toBeGreaterThan(10);
    await page.getByTestId('wb-open').selectOption(M03);
    await poll(() => page.getByTestId('wb-field-id').inputValue()).toBe(M03);
    await poll(() => page.getByTestId('wb-status').textContent()).toContain('检查通过');
  });

  it('refuses a write clause, naming the reason and the line', async () => {
    const writes = source.replace(/(\/\/ ---\n)(?![\s\S]*\/\/ ---\n)/, '$1CREATE (:Scratch)\nWITH count(*) AS one\n');
    await typeSource('wb-source', writes);
    await poll(() => page.getByTestId('wb-problems').textContent()).toMatch(/第 \d+ 行: .*may only read/);
    const line = writes.split('\n').indexOf('CREATE (:Scratch)') + 1;
    expect(await page.getByTestId('wb-problems').textContent()).toContain(`第 ${line} 行`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'workbench-refused.png') });
  });

  it('passes once the write is taken out, tries it and compares with the alerts on record', async () => {
    await typeSource('wb-source', source);
    await poll(() => page.getByTestId('wb-status').textContent()).toContain('检查通过');
    expect(await page.getByTestId('wb-limits').textContent()).toBe('时限 30 秒，最多 2000 行');
    await page.getByTestId('wb-try').click();
    await page.getByTestId('wb-compare').waitFor({ state: 'visible', timeout: 60_000 });
    const kept = await page.getByTestId('wb-kept').locator('h4').textContent();
    expect(Number(/保留 (\d+)/.exec(kept ?? '')?.[1])).toBeGreaterThan(0);
    expect(await page.getByTestId('wb-new').locator('h4').textContent()).toBe('新增 0');
    expect(await page.getByTestId('wb-gone').locator('h4').textContent()).toBe('消失 0');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'workbench-compare.png') });
    await page.getByTestId('wb-tab-table').click();
    expect(await page.getByTestId('wb-table').locator('tbody tr').count()).toBeGreaterThan(0);
  });

  it('saves a draft the analyst finds again', async () => {
    await page.getByTestId('wb-save').click();
    await poll(() => page.getByTestId('wb-message').textContent()).toBe('草稿已保存');
    const { modelDrafts } = await analyst<{ modelDrafts: { name: string }[] }>('{ modelDrafts { name } }');
    expect(modelDrafts.map((d) => d.name)).toContain(M03);
  });

  it('publishes it under a new id from the header form, and the library lists it', async () => {
    await page.getByTestId('wb-field-id').fill(COPY);
    await poll(() => page.getByTestId('wb-revision').textContent()).toBe('新模型');
    await page.getByTestId('wb-reason').fill('复制M03作为站点模型试点');
    await page.getByTestId('wb-publish').click();
    await poll(() => page.getByTestId('wb-message').textContent()).toBe(`已发布 ${COPY} r1`);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'workbench-published.png') });
    const { model } = await analyst<{ model: { revision: number } | null }>(`{ model(id: "${COPY}") { revision } }`);
    expect(model).toEqual({ revision: 1 });
  });

  it('runs a read in the console and refuses a write there', async () => {
    await typeSource('wb-console-source', 'MATCH (o:Org) RETURN o.name AS name LIMIT 3');
    await page.getByTestId('wb-console-run').click();
    await poll(() => page.getByTestId('wb-console-results').locator('tbody tr').count()).toBe(3);
    await typeSource('wb-console-source', "CREATE (:Scratch {x: 1}) RETURN 'x' AS x");
    await page.getByTestId('wb-console-run').click();
    await poll(() => page.getByTestId('wb-message').textContent()).toMatch(/may only read/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'workbench-console.png') });
    expect(pageErrors.filter((e) => !/BAD_INPUT|400/.test(e))).toEqual([]);
  });
});
