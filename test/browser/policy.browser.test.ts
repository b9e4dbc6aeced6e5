// The 模型口径 admin page in the browser: an admin tunes a model's threshold with a reason, registers an
// exemption for the demo county's flagged official, and has a package exported from this site reviewed
// (the site already has it: SAME). The real server on a real Neo4j with the demo county
// (test/setup/server-global.ts, with its own site folder). Screenshots: var/screenshots/policy-*.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium.js';
import '../support/context.js';
import { apiAs, poll, signIn, type GraphQL } from './signed-in.js';

const baseUrl = inject('baseUrl');
const demo = inject('demo');
const users = inject('users');
const M03 = 'procurement.kin-of-official-at-winning-bidder';
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../var/screenshots');

let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let admin: GraphQL;

beforeAll(async () => {
  ({ browser, page, pageErrors } = await openPage());
  await page.addInitScript(() => window.localStorage.setItem('huiyan.lang', 'zh'));
  admin = await apiAs(baseUrl, users.admin);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  // Leave the suite's site as it was: defaults for M03, no exemption in force.
  await admin?.(`mutation { setModelPolicy(model: "${M03}", params: {}, reason: "浏览器测试复原") { modelId } }`).catch(() => undefined);
  const { exemptions } = await admin<{ exemptions: { id: string }[] }>('{ exemptions { id } }').catch(() => ({ exemptions: [] }));
  for (const e of exemptions)
    await admin(`mutation { removeExemption(id: "${e.id}", reason: "浏览器测试复原") { id } }`).catch(() => undefined);
  await browser?.close();
});

describe('模型口径 page', () => {
  it('lets an admin tune a threshold with a reason, shown as default → site value', async () => {
    await signIn(page, baseUrl, users.admin);
    await page.getByTestId('nav-policy').click();
    const row = page.locator(`[data-testid="policy-row"][data-model="${M03}"]`);
    await row.waitFor();
    await row.getByTestId('policy-values').fill('{"minAmount": 1000000}');
    await row.getByTestId('policy-save').click();
    await poll(() => page.getByTestId('policy-note').textContent()).toBe('请填写理由');
    await page.getByTestId('policy-reason').fill('本县口径：百万元以上');
    await row.getByTestId('policy-save').click();
    await poll(() => page.getByTestId('policy-note').textContent()).toBe(`已保存 ${M03}`);
    await poll(() => page.locator(`[data-testid="policy-row"][data-model="${M03}"]`).textContent()).toContain('minAmount: 0 → 1000000');
    const { sitePolicy } = await admin<{ sitePolicy: { models: { modelId: string; params: Record<string, unknown> }[] } }>(
      '{ sitePolicy { models { modelId params } } }',
    );
    expect(sitePolicy.models.find((m) => m.modelId === M03)?.params).toEqual({ minAmount: 1000000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'policy-site.png'), fullPage: true });
  });

  it("marks a site-wide value apart from a model's own, and leaves it out of the model's values", async () => {
    // The suite's policy gives every model that declares it `workdays: []` (test/setup/server-global.ts).
    await page.getByTestId('nav-policy').click();
    const row = page.locator('[data-testid="policy-row"][data-model="integrity.approval-delays"]');
    await row.waitFor();
    await poll(() => row.getByTestId('policy-from-site').textContent()).toBe('workdays: [] → []全站');
    expect(await row.getByTestId('policy-values').inputValue()).toBe('');
    expect(await page.getByTestId('policy-site-note').textContent()).toContain('defaults');
    // Long JSON values wrap inside their cell instead of pushing the table off the page.
    const rightmost = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('[data-testid="policy-row"]')].map((r) => r.getBoundingClientRect().right)),
    );
    // Within the page's own 24 px margin: a row running off the page ended at the window's edge.
    expect(rightmost).toBeLessThanOrEqual(page.viewportSize()!.width - 24);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'policy-site-wide.png') });
  });

  it('registers an exemption for a subject and lists it as in force', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('en-CA');
    await page.getByTestId('exemption-subject').fill(demo.officialUid);
    await page.getByTestId('exemption-model').selectOption(M03);
    await page.getByTestId('exemption-reason').fill('经核实系公开招标，无利益关系');
    await page.getByTestId('exemption-expires').fill(tomorrow);
    await page.getByTestId('exemption-add').click();
    const row = page.getByTestId('exemption-row').first();
    await poll(() => row.textContent()).toContain(demo.officialUid);
    expect(await row.textContent()).toContain('有效');
    await page.getByTestId('exemption-form').screenshot({ path: path.join(SCREENSHOTS, 'policy-exemptions.png') });
  });

  it("reviews a package of this site's own model as the same, with the hash checked", async () => {
    const { exportModels } = await admin<{ exportModels: string }>(`{ exportModels(ids: ["${M03}"]) }`);
    await page
      .getByTestId('package-file')
      .setInputFiles({ name: 'm03.huiyan-models.json', mimeType: 'application/json', buffer: Buffer.from(exportModels) });
    await poll(() => page.getByTestId('package-verdict').textContent()).toBe('校验结果：通过，可发布');
    expect(await page.getByTestId('package-model').getAttribute('data-status')).toBe('SAME');
    const tampered = exportModels.replace('default: 0', 'default: 1');
    await page
      .getByTestId('package-file')
      .setInputFiles({ name: 'bad.huiyan-models.json', mimeType: 'application/json', buffer: Buffer.from(tampered) });
    await poll(() => page.getByTestId('package-verdict').textContent()).toBe('校验结果：拒绝');
    expect(await page.getByTestId('package-review').textContent()).toContain('hash does not match');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'policy-packages.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
