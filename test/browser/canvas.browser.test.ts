// The canvas's investigation moves, as a handler uses them on the demo county: open an alert on the demo
// official, find the paths from the official to the winning company through the context menu, filter a
// relationship type out in the legend, fold a household into a group, remove a node and undo it. The
// built page on the real server and Neo4j; the graph is read through window.__cy.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium.js';
import '../support/context.js';
import { addFromSearch, apiAs, poll, screenPosition as screenAt, signIn, type GraphQL } from './signed-in.js';

const baseUrl = inject('baseUrl');
const demo = inject('demo');
const { handler } = inject('users');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../var/screenshots');
const M03 = 'procurement.kin-of-official-at-winning-bidder';

let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
let graphql: GraphQL;
/** The M03 alert on the demo official and its company subject. */
let alertId = '';
let companyUid = '';
/** A subject of that alert whose household has other members too, and that household. */
let dweller = '';
let household = '';

const screenPosition = (id: string) => screenAt(page, id);

const rightClick = async (id: string) => {
  const at = await screenPosition(id);
  await page.mouse.click(at.x, at.y, { button: 'right' });
  await page.getByTestId('context-menu').waitFor({ state: 'visible' });
};

const onCanvas = (id: string) => page.evaluate((uid) => window.__cy!.getElementById(uid).nonempty(), id);

const shot = async (name: string) => {
  await page.waitForTimeout(500); // let fits and layouts settle before the picture
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `canvas-${name}.png`) });
};

beforeAll(async () => {
  ({ browser, page, pageErrors } = await openPage());
  graphql = await apiAs(baseUrl, handler);
  const { alerts } = await graphql<{ alerts: { edges: { node: { id: string } }[] } }>(
    'query($s: ID!, $m: String) { alerts(first: 1, filter: { subject: $s, modelId: $m }) { edges { node { id } } } }',
    { s: demo.officialUid, m: M03 },
  );
  alertId = alerts.edges[0]!.node.id;
  const { alert } = await graphql<{ alert: { subjects: { role: string; entity: { id: string } }[] } }>(
    'query($id: ID!) { alert(id: $id) { subjects { role entity { id } } } }',
    { id: alertId },
  );
  companyUid = alert.subjects.find((s) => s.role === 'company')!.entity.id;
  type Nb = { neighbours: { total: number; nodes: { id: string }[] } };
  const nb = 'query($id: ID!) { neighbours(id: $id, types: ["MEMBER_OF"]) { total nodes { id } } }';
  for (const s of alert.subjects.filter((x) => x.entity.id.startsWith('Person:'))) {
    const hh = (await graphql<Nb>(nb, { id: s.entity.id })).neighbours.nodes[0]?.id;
    if (hh && (await graphql<Nb>(nb, { id: hh })).neighbours.total >= 2) {
      dweller = s.entity.id;
      household = hh;
      break;
    }
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('canvas', () => {
  it('opens the alert on the demo official from their details', async () => {
    await signIn(page, baseUrl, handler);
    await addFromSearch(page, demo.officialName, demo.officialUid, '（2026）县纪立字第9号');
    await page.getByTestId('alerts-on-entity').click();
    const item = page.locator(`[data-testid="alert-item"][data-id="${alertId}"]`);
    await item.click();
    await page.getByTestId('alert-summary').waitFor();
    await poll(() => onCanvas(companyUid)).toBe(true);
    // Subject roles read as words in the current language, never as the model's codes.
    const roles = await page.locator('[data-testid="alert-subject"] .role').allTextContents();
    expect(roles.length).toBeGreaterThan(1);
    for (const r of roles) expect(r).not.toMatch(/^[a-z0-9]+$/);
  });

  it('finds the paths from the official to the winning company through the context menu and highlights them', async () => {
    await rightClick(demo.officialUid);
    await page.getByTestId('menu-paths').click();
    await poll(() => page.getByTestId('paths-banner').isVisible()).toBe(true);
    const at = await screenPosition(companyUid);
    await page.mouse.click(at.x, at.y);
    await poll(() => page.evaluate(() => window.__cy!.edges('.path').length)).toBeGreaterThan(0);
    const marked = await page.evaluate(
      ([a, b]) => {
        const cy = window.__cy!;
        return {
          ends: [a!, b!].map((id) => cy.getElementById(id).hasClass('path')),
          // Every path edge joins two path nodes: a connected subgraph, not scattered marks.
          joined: cy
            .edges('.path')
            .toArray()
            .every((e) => e.source().hasClass('path') && e.target().hasClass('path')),
          others: cy
            .nodes()
            .not('.path')
            .not('.group')
            .toArray()
            .every((n) => n.hasClass('faded')),
        };
      },
      [demo.officialUid, companyUid],
    );
    expect(marked).toEqual({ ends: [true, true], joined: true, others: true });
    expect(await page.getByTestId('paths-text').textContent()).toMatch(/^路径：\d+ 个节点，\d+ 条关系$/);
    await shot('paths');
    await page.getByTestId('paths-clear').click();
    await poll(() => page.evaluate(() => window.__cy!.elements('.path').length)).toBe(0);
  });

  it('expands by type and direction from the menu, with no alert taking a place among the neighbours', async () => {
    expect(household, 'a subject of the alert lives in a household with others').not.toBe('');
    await rightClick(dweller);
    await page.getByTestId('menu-expand-type').selectOption('MEMBER_OF');
    await page.getByTestId('menu-expand-direction').selectOption('OUT');
    await page.getByTestId('menu-expand-by').click();
    await poll(() => onCanvas(household)).toBe(true);
    // An ordinary expansion too (double-click): alerts are not neighbours.
    const at = await screenPosition(demo.officialUid);
    const answered = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('ExplorerNeighbours'),
    );
    await page.mouse.dblclick(at.x, at.y);
    await answered;
    await poll(() => page.evaluate(() => document.querySelector('.busy.on') === null)).toBe(true);
    expect(await page.evaluate(() => window.__cy!.nodes('[label = "Alert"]').length)).toBe(0);
    // No three single edges of one type between the same two nodes are drawn side by side: they are a bundle.
    const crowded = await page.evaluate(() => {
      const seen = new Map<string, number>();
      window
        .__cy!.edges(':visible')
        .filter((e) => e.data('edge') !== undefined)
        .forEach((e) => {
          const k = `${e.source().id()}|${e.target().id()}|${e.data('type')}`;
          seen.set(k, (seen.get(k) ?? 0) + 1);
        });
      return [...seen.values()].filter((n) => n >= 3).length;
    });
    expect(crowded).toBe(0);
  });

  it('filters a relationship type out in the legend and back in', async () => {
    const type = page.locator('[data-testid="legend-type"][data-name="MEMBER_OF"]');
    await type.click();
    const hidden = () =>
      page.evaluate(() => {
        const e = window.__cy!.edges('[type = "MEMBER_OF"]');
        return { n: e.length, visible: e.filter(':visible').length };
      });
    await poll(async () => (await hidden()).visible).toBe(0);
    expect((await hidden()).n).toBeGreaterThan(0);
    expect(await type.getAttribute('aria-pressed')).toBe('false');
    await shot('filter');
    await type.click();
    await poll(async () => (await hidden()).visible).toBeGreaterThan(0);
  });

  it('folds a household into a group and unfolds it', async () => {
    // Its members: the household's own expansion brings those not on the canvas yet (kin already there come
    // without their MEMBER_OF edge: an expansion brings edges to new neighbours only, docs/explorer.md Limits).
    await rightClick(household);
    await page.getByTestId('menu-expand').click();
    await poll(() => page.evaluate((h) => window.__cy!.getElementById(h).incomers('node').length, household)).toBeGreaterThan(0);
    const members = await page.evaluate(
      (h) =>
        window
          .__cy!.getElementById(h)
          .incomers('node')
          .map((n) => n.id()),
      household,
    );

    await rightClick(household);
    await page.getByTestId('menu-group').click();
    const group = `group:${household}`;
    await poll(() => page.evaluate((g) => window.__cy!.getElementById(g).hasClass('cy-expand-collapse-collapsed-node'), group)).toBe(true);
    // Folded: the members are inside the group, off the canvas, and the group's box stands for them.
    for (const m of [household, ...members]) expect(await onCanvas(m), m).toBe(false);
    await shot('group');

    await rightClick(group);
    await page.getByTestId('menu-fold').click();
    await poll(() => onCanvas(household)).toBe(true);
    expect(
      await page.evaluate(
        (h) =>
          window
            .__cy!.getElementById(h)
            .parent()
            .map((n) => n.id()),
        household,
      ),
    ).toEqual([group]);
  });

  it('removes a node with its edges and brings it back with undo, and again with redo', async () => {
    const edges = await page.evaluate((id) => window.__cy!.getElementById(id).connectedEdges().length, companyUid);
    expect(edges).toBeGreaterThan(0);
    await rightClick(companyUid);
    await page.getByTestId('menu-remove').click();
    await poll(() => onCanvas(companyUid)).toBe(false);
    expect(await page.getByTestId('canvas-undo').getAttribute('title')).toContain('撤销：移除');
    await shot('removed');

    await page.getByTestId('canvas-undo').click();
    await poll(() => onCanvas(companyUid)).toBe(true);
    expect(await page.evaluate((id) => window.__cy!.getElementById(id).connectedEdges().length, companyUid)).toBe(edges);

    // The keyboard does the same, outside the text fields.
    await page.locator('#cy').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Shift+Z');
    await poll(() => onCanvas(companyUid)).toBe(false);
    await page.keyboard.press('Control+Z');
    await poll(() => onCanvas(companyUid)).toBe(true);
    await shot('undone');
  });

  it('raised no script errors on the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
