// 投标前核查 end to end on the demo county, as a case handler does it: from the M03 alert on the demo
// official (a relative at the company that won the official's unit's tender), the check of that lot finds
// the tie, shows its path as text and puts it on the canvas; a lot of the same unit with no tie reads clean
// and its table exports as CSV, recorded in the audit trail; a handler who declines the 查询事由 gets the
// coded refusal and no table. What the page shows is compared with the API's own answer.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium.js';
import '../support/context.js';
import { apiAs, giveReason, poll, signIn, type GraphQL } from './signed-in.js';

const baseUrl = inject('baseUrl');
const demo = inject('demo');
const { handler, otherHandler, admin } = inject('users');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../var/screenshots');
const M03 = 'procurement.kin-of-official-at-winning-bidder';

interface Check {
  unit: { id: string } | null;
  bidders: {
    company: { id: string };
    links: { kind: string; official: { id: string; caption: string }; paths: { route: { id: string }[] }[] }[];
  }[];
}
const CHECK = `query($lot: ID!) { preAwardCheck(lot: $lot) { unit { id }
  bidders { company { id } links { kind official { id caption } paths { route { id } } } } } }`;

let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let graphql: GraphQL;
let audit: GraphQL;
let alertId = '';
/** The lot the M03 alert names, and the API's answer for it. */
let tied = { id: '', caption: '' };
let tiedCheck: Check;
/** A lot of the same unit whose bidders have no tie (the API says so). */
let clean = { id: '', caption: '' };

const shot = async (name: string) => {
  await page.waitForTimeout(500); // let fits and layouts settle before the picture
  await page.screenshot({ path: path.join(SCREENSHOTS, `preaward-${name}.png`), fullPage: true });
};
const linked = (c: Check) => c.bidders.filter((b) => b.links.length > 0);

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  ({ browser, page, pageErrors } = await openPage());
  graphql = await apiAs(baseUrl, handler);
  audit = await apiAs(baseUrl, admin);
  const { alerts } = await graphql<{
    alerts: { edges: { node: { id: string; subjects: { role: string; entity: { id: string; caption: string } }[] } }[] };
  }>(
    'query($s: ID!, $m: String) { alerts(first: 1, filter: { subject: $s, modelId: $m }) { edges { node { id subjects { role entity { id caption } } } } } }',
    { s: demo.officialUid, m: M03 },
  );
  const alert = alerts.edges[0]!.node;
  alertId = alert.id;
  const project = alert.subjects.find((s) => s.role === 'project')!.entity;
  tied = { id: project.id, caption: project.caption };
  tiedCheck = (await graphql<{ preAwardCheck: Check }>(CHECK, { lot: tied.id })).preAwardCheck;
  // The unit's other lots, through its TENDERED relationships: the first with bidders and no tie.
  const { neighbours } = await graphql<{ neighbours: { nodes: { id: string; caption: string }[] } }>(
    'query($id: ID!) { neighbours(id: $id, types: ["TENDERED"], limit: 30) { nodes { id caption } } }',
    { id: tiedCheck.unit!.id },
  );
  for (const lot of neighbours.nodes.filter((n) => n.id !== tied.id)) {
    const c = (await graphql<{ preAwardCheck: Check }>(CHECK, { lot: lot.id })).preAwardCheck;
    if (c.bidders.length > 0 && linked(c).length === 0) {
      clean = lot;
      break;
    }
  }
});
afterAll(async () => {
  await browser?.close();
});

describe('pre-award check', () => {
  it("finds the tie of the lot the demo official's M03 alert names, opened from the alert", async () => {
    expect(linked(tiedCheck).length, 'the API finds a tie for the M03 lot').toBeGreaterThan(0);
    await signIn(page, baseUrl, handler);
    await page.getByTestId('search-input').fill(demo.officialName);
    await page.getByTestId('search-input').press('Enter');
    await giveReason(page, '（2026）县纪立字第12号 投标前核查');
    await page.locator(`[data-testid="search-result"][data-id="${demo.officialUid}"] [data-testid="add-to-canvas"]`).click();
    await page.getByTestId('alerts-on-entity').click();
    await page.locator(`[data-testid="alert-item"][data-id="${alertId}"]`).click();
    await page.getByTestId('alert-summary').waitFor();

    await page.getByTestId('preaward-alert').click();
    await page.getByTestId('page-preaward').waitFor({ state: 'visible' });
    expect(await page.locator('[data-testid="preaward-lot"] .chip').getAttribute('data-id')).toBe(tied.id);
    await page.getByTestId('preaward-run').click();
    await poll(() => page.getByTestId('preaward-row').count()).toBe(tiedCheck.bidders.length);

    // Each bidder as the API answers: its ties counted, clean ones said to be clean.
    const rows = await page
      .getByTestId('preaward-row')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-company'), Number(tr.getAttribute('data-links'))]));
    expect(rows).toEqual(tiedCheck.bidders.map((b) => [b.company.id, b.links.length]));
    const first = linked(tiedCheck)[0]!;
    const row = page.locator(`[data-testid="preaward-row"][data-company="${first.company.id}"]`);
    expect(await row.getByTestId('preaward-status').textContent()).toBe(`发现 ${first.links.length} 项关联`);
    // The tie in words: its kind, the official, and the path from the official to the firm or its bid.
    const link = row.getByTestId('preaward-link').first();
    expect(await link.getAttribute('data-kind')).toBe(first.links[0]!.kind);
    expect(await link.textContent()).toContain(first.links[0]!.official.caption);
    const pathText = (await link.getByTestId('preaward-path').first().textContent())!;
    expect(pathText.startsWith(first.links[0]!.official.caption)).toBe(true);
    expect(pathText).toMatch(/—.+→|←.+—/);
    expect(await page.getByTestId('preaward-summary').textContent()).toContain(`其中 ${linked(tiedCheck).length} 家存在关联`);
    await shot('tie');
  });

  it("puts the tie's path on the canvas, marked as a path from the official to the bidder", async () => {
    const first = linked(tiedCheck)[0]!;
    const route = first.links[0]!.paths.flatMap((p) => p.route.map((n) => n.id));
    await page.locator(`[data-testid="preaward-show"][data-company="${first.company.id}"]`).first().click();
    await page.getByTestId('canvas').waitFor({ state: 'visible' });
    await poll(() => page.evaluate((ids) => ids.every((id) => window.__cy!.getElementById(id).hasClass('path')), route)).toBe(true);
    const marked = await page.evaluate(() => {
      const cy = window.__cy!;
      return {
        edges: cy.edges('.path').length,
        joined: cy
          .edges('.path')
          .toArray()
          .every((e) => e.source().hasClass('path') && e.target().hasClass('path')),
      };
    });
    expect(marked.edges).toBeGreaterThanOrEqual(route.length - first.links[0]!.paths.length);
    expect(marked.joined).toBe(true);
    expect(await page.getByTestId('paths-text').textContent()).toMatch(/^路径：\d+ 个节点，\d+ 条关系$/);
    await shot('on-graph');
  });

  it('reads a lot of the same unit with no tie as clean and exports it as CSV, recorded in the audit trail', async () => {
    expect(clean.id, 'the unit has a lot with bidders and no tie').not.toBe('');
    const recorded = async () =>
      (
        await audit<{ auditTrail: { records: { writes: { action: string }[]; entities: string[] }[] } }>(
          'query($f: AuditFilter) { auditTrail(filter: $f, first: 20) { records { writes { action } entities } } }',
          { f: { actor: handler.name, operation: 'recordExport' } },
        )
      ).auditTrail.records;
    const before = (await recorded()).length;

    await page.getByTestId('nav-preaward').click();
    await page.getByTestId('preaward-lot-search').fill(clean.caption);
    await page.locator(`[data-testid="preaward-lot-hit"][data-id="${clean.id}"]`).click();
    expect(await page.locator('[data-testid="preaward-lot"] .chip').getAttribute('data-id')).toBe(clean.id);
    await page.getByTestId('preaward-run').click();
    await poll(() => page.getByTestId('preaward-row').count()).toBeGreaterThan(0);
    const statuses = await page.getByTestId('preaward-status').allTextContents();
    expect(new Set(statuses)).toEqual(new Set(['未发现关联']));
    expect(await page.getByTestId('preaward-link').count()).toBe(0);
    await shot('clean');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('preaward-export').click()]);
    const lines = readFileSync((await csv.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('投标人,投标,核查日期,结果,关联类型,公职人员,亲属关系,关联方式,关联路径');
    expect(lines.slice(1)).toHaveLength(statuses.length);
    for (const l of lines.slice(1)) expect(l).toMatch(/,未发现关联,,,,,$/);
    await poll(async () => (await recorded()).length).toBe(before + 1);
    const [rec] = await recorded();
    expect(rec!.writes.map((w) => w.action)).toEqual(['export.csv']);
    expect(rec!.entities).toContain(clean.id);
    expect(pageErrors).toEqual([]);
  });

  it('refuses with its code and shows no table when the handler declines to give a reason', async () => {
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    try {
      await signIn(other, baseUrl, otherHandler);
      await other.getByTestId('nav-preaward').click();
      await other.getByTestId('preaward-lot-search').fill(tied.caption);
      await other.locator(`[data-testid="preaward-lot-hit"][data-id="${tied.id}"]`).click();
      await other.getByTestId('preaward-run').click();
      await other.getByTestId('reason-dialog').waitFor({ state: 'visible' });
      await other.getByTestId('reason-cancel').click();
      const error = other.getByTestId('preaward-error');
      await error.waitFor({ state: 'visible' });
      expect(await error.getAttribute('data-code')).toBe('REASON_REQUIRED');
      expect(await error.textContent()).toContain('未填写查询事由，未进行核查');
      expect(await other.getByTestId('preaward-row').count()).toBe(0);
      await other.screenshot({ path: path.join(SCREENSHOTS, 'preaward-refused.png'), fullPage: true });
    } finally {
      await other.close();
    }
  });
});
