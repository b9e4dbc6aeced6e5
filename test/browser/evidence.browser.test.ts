// Evidence that leaves the screen, end to end in Chromium against the real server and the demo county: a
// case handler follows a link from another system (?alert=) through the sign-in page to the alert, the
// address follows the view, the as-of slider hides what was not yet true before the award, the canvas is
// exported as PNG and CSV, and the alert report and the official's integrity record are printed on A4.
// Screenshots and PDFs land in var/screenshots/ (evidence-*.png, evidence-*.pdf) for a person to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium.js';
import { slideTo } from './as-of-slider.js';
import '../support/context.js';
import { apiAs, giveReason, idNumbersIn, poll, type GraphQL } from './signed-in.js';

const baseUrl = inject('baseUrl');
const demo = inject('demo');
const { handler } = inject('users');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../var/screenshots');
const MODEL = 'procurement.kin-of-official-at-winning-bidder';

let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let graphql: GraphQL;
let alertId = '';
/** The award: the dated relationship of the evidence that happened last (the tender won). */
let award = { id: '', date: '' };

interface EvidenceEdge {
  id: string;
  type: string;
  properties: Record<string, unknown>;
}

const dayBefore = (d: string) => new Date(Date.parse(d) - 86_400_000).toISOString().slice(0, 10);
/** The API ids of what the as-of date hides (an edge's element id is `rel:<edge id>`: graph/elements.ts). */
const hiddenOnCanvas = () =>
  page.evaluate(() => window.__cy!.elements('.asof-hidden').map((e) => (e.isEdge() ? (e.data('edge') as { id: string }).id : e.id())));
const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `evidence-${name}.png`), fullPage: true });

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  ({ browser, page, pageErrors } = await openPage());
  graphql = await apiAs(baseUrl, handler);
  const r = await graphql<{ alerts: { edges: { node: { id: string; evidence: { edges: EvidenceEdge[] } } }[] } }>(
    `
      query ($f: AlertFilter) {
        alerts(filter: $f, first: 1) {
          edges {
            node {
              id
              evidence {
                edges {
                  id
                  type
                  properties
                }
              }
            }
          }
        }
      }
    `,
    { f: { subject: demo.officialUid, modelId: MODEL } },
  );
  const node = r.alerts.edges[0]!.node;
  alertId = node.id;
  const won = node.evidence.edges.find((e) => e.type === 'WON' && typeof e.properties.date === 'string');
  expect(won, 'the M03 evidence holds the award (WON with a date)').toBeDefined();
  award = { id: won!.id, date: String(won!.properties.date).slice(0, 10) };
});

afterAll(async () => {
  await browser?.close();
});

describe('evidence out of the explorer', () => {
  it('opens the alert a link names, after the sign-in page, and keeps it in the address', async () => {
    await page.goto(`${baseUrl}/?alert=${encodeURIComponent(alertId)}`);
    await page.getByTestId('signin-name').fill(handler.name);
    await page.getByTestId('signin-password').fill(handler.password);
    await page.getByTestId('signin-submit').click();
    await giveReason(page, '（2026）县纪立字第15号');
    await poll(() => page.evaluate((id) => window.__cy!.getElementById(`rel:${id}`).nonempty(), award.id)).toBe(true);
    expect(await page.getByTestId('details').textContent()).toContain(demo.officialName);
    // The address now names the alert and what is on the canvas, so a reload gives the same view.
    await poll(() => page.evaluate(() => new URL(window.location.href).searchParams.getAll('e').length)).toBeGreaterThan(2);
    expect(new URL(page.url()).searchParams.get('alert')).toBe(alertId);
    await shot('deep-link');
  });

  it('hides the award the day before it was made, and shows it again on the award date', async () => {
    await page.getByTestId('asof-slider').evaluate((el) => el.scrollIntoView());
    await slideTo(page, dayBefore(award.date));
    await poll(hiddenOnCanvas).toContain(award.id);
    expect(await page.getByTestId('asof-note').textContent()).toContain(dayBefore(award.date));
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(dayBefore(award.date));
    await shot('as-of-before-award');
    await slideTo(page, award.date);
    await poll(hiddenOnCanvas).not.toContain(award.id);
    await page.getByTestId('asof-all').click();
    await poll(async () => (await hiddenOnCanvas()).length).toBe(0);
  });

  it('exports the canvas as a PNG and as CSV with provenance', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const pngBytes = readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.length).toBeGreaterThan(5000);
    await png.saveAs(path.join(SCREENSHOTS, 'evidence-export.png'));

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('kind,id,label,caption,source,target,properties,prov_source,prov_file,prov_row,prov_run');
    const canvas = await page.evaluate(() => ({ nodes: window.__cy!.nodes().length, edges: window.__cy!.edges().length }));
    expect(lines.filter((l) => l.startsWith('node,'))).toHaveLength(canvas.nodes);
    expect(lines.filter((l) => l.startsWith('edge,'))).toHaveLength(canvas.edges);
    // The award's row names the mapping, file, row and load run it was read from.
    expect(lines.find((l) => l.startsWith(`edge,${award.id},WON`))).toMatch(/,[^,"]+,[^,"]+\.(csv|xlsx),\d+,[^,"]+$/);
    // Masked on screen, masked in the file.
    expect(idNumbersIn(text)).toEqual([]);
  });

  it('prints the alert report on A4: summary, evidence image, sources and history', async () => {
    await page.getByTestId('open-alert-report').click();
    const report = page.getByTestId('alert-report');
    await report.waitFor();
    await page.getByTestId('report-graph').waitFor();
    expect(await page.getByTestId('report-sources').locator('tbody tr').count()).toBeGreaterThan(2);
    expect(await report.textContent()).toContain('预警核查报告');
    expect(new URL(page.url()).searchParams.get('report')).toBe('alert');
    await page.emulateMedia({ media: 'print' });
    // On paper the sheet stands alone: the explorer behind it is not printed.
    expect(await page.locator('#layout').isVisible()).toBe(false);
    expect(await report.isVisible()).toBe(true);
    await shot('alert-report-print');
    await page.pdf({ path: path.join(SCREENSHOTS, 'evidence-alert-report.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('report-close').click();
    await page.getByTestId('report').waitFor({ state: 'hidden' });
  });

  it("prints the official's integrity record: posts, kin, companies and the alert", async () => {
    // Braces: the collection select() returns must not be sent back (it holds the whole canvas).
    await page.evaluate((id) => {
      window.__cy!.getElementById(id).select();
    }, demo.officialUid);
    await page.getByTestId('open-integrity-record').click();
    const record = page.getByTestId('integrity-record');
    await page.locator('[data-testid="integrity-record"], [data-testid="error"]:visible').first().waitFor();
    expect(await page.getByTestId('error').isVisible(), (await page.getByTestId('error').textContent()) ?? '').toBe(false);
    expect(await page.getByTestId('record-person').textContent()).toContain(demo.officialName);
    expect(await page.getByTestId('record-posts').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('record-kin').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('record-alerts').textContent()).toContain(demo.officialName.slice(0, 1));
    expect(idNumbersIn((await record.textContent()) ?? '')).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#layout').isVisible()).toBe(false);
    await shot('integrity-record-print');
    await page.pdf({ path: path.join(SCREENSHOTS, 'evidence-integrity-record.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('report-close').click();
  });

  it('saves the view as a short link that opens the same canvas', async () => {
    const before = await page.evaluate(() =>
      window
        .__cy!.nodes()
        .map((n) => n.id())
        .sort(),
    );
    await page.getByTestId('save-view').click();
    await poll(() => page.getByTestId('toast').textContent()).toMatch(/\?view=[A-Za-z0-9_-]{12}/);
    const link = /(http\S+\?view=[A-Za-z0-9_-]{12})/.exec((await page.getByTestId('toast').textContent())!)![1]!;
    await page.goto(link);
    await poll(() => page.evaluate(() => window.__cy!.nodes().length)).toBe(before.length);
    expect(
      await page.evaluate(() =>
        window
          .__cy!.nodes()
          .map((n) => n.id())
          .sort(),
      ),
    ).toEqual(before);
    expect(pageErrors).toEqual([]);
  });

  it('lays the explorer out in one column at A4 width, the canvas visible and nothing overlapping', async () => {
    await page.setViewportSize({ width: 794, height: 1123 });
    const box = async (sel: string) => (await page.locator(sel).boundingBox())!;
    const canvas = await box('.canvas-wrap');
    const sidebar = await box('#sidebar');
    expect(canvas.width).toBeGreaterThan(700);
    expect(canvas.height).toBeGreaterThan(400);
    expect(sidebar.y).toBeGreaterThanOrEqual(canvas.y + canvas.height - 1);
    await shot('a4-width');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
