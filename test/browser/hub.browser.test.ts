// A bundle the server sends (neighbours with bundleMin, docs/explorer.md "Bundles"): a handler expands a
// benefit recipient of the demo county paid several times by one programme; the payments arrive as one
// bundle edge labelled like the canvas's own ("领取 ×N · 2019-01—2021-06") with no single edge behind it;
// opening it from the details panel reads the single payments, which take its place; undo puts the bundle
// back. The built page on the real server and Neo4j; the graph is read through window.__cy.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPage } from '../support/chromium.js';
import '../support/context.js';
import { addFromSearch, apiAs, poll, screenPosition, signIn } from './signed-in.js';

const baseUrl = inject('baseUrl');
const { handler, analyst } = inject('users');
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../var/screenshots');

let browser: Browser;
let page: Page;
let pageErrors: string[] = [];
/** A recipient paid at least three times by one programme, and how often. */
let recipient = { uid: '', name: '', programme: '', payments: 0 };

const shot = async (name: string) => {
  await page.waitForTimeout(500); // let fits and layouts settle before the picture
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `hub-${name}.png`) });
};

/** The server bundle between the recipient and the programme, and the single payments on the canvas. */
const drawn = () =>
  page.evaluate(
    ([person, prog]) => {
      const cy = window.__cy!;
      const between = cy.edges().filter((e) => e.source().id() === person && e.target().id() === prog && e.data('type') === 'RECEIVED');
      const bundle = between.filter((e) => e.data('bundle') === true);
      return {
        bundle:
          bundle.length === 1
            ? { server: bundle.data('server') === true, caption: String(bundle.data('caption')), count: Number(bundle.data('count')) }
            : null,
        singles: between.filter((e) => e.data('edge') !== undefined).length,
        visibleSingles: between.filter((e) => e.data('edge') !== undefined && e.visible()).length,
      };
    },
    [recipient.uid, recipient.programme],
  );

beforeAll(async () => {
  ({ browser, page, pageErrors } = await openPage());
  // Found with the analysts' read-only console: the API a handler has does not list payments.
  const console = await apiAs(baseUrl, analyst);
  const { consoleQuery } = await console<{ consoleQuery: { table: { uid: string; name: string; programme: string; n: number }[] } }>(
    `mutation C($c: String!) { consoleQuery(cypher: $c) { table } }`,
    {
      c: `MATCH (p:Person)-[r:RECEIVED]->(g:Program)
          WITH p, g, count(r) AS n WHERE n >= 3
          RETURN p.uid AS uid, p.name AS name, g.uid AS programme, n ORDER BY n DESC, uid LIMIT 1`,
    },
  );
  const row = consoleQuery.table[0];
  if (!row) throw new Error('the demo county pays nobody three times from one programme: no bundle to see');
  recipient = { uid: row.uid, name: row.name, programme: row.programme, payments: row.n };
});

afterAll(async () => {
  await browser?.close();
});

describe('a bundle the server sent', () => {
  it('is drawn with the label the canvas gives its own bundles, with no single edge behind it', async () => {
    await signIn(page, baseUrl, handler);
    await addFromSearch(page, recipient.name, recipient.uid, '（2026）县纪立字第12号');
    await poll(() => page.evaluate((uid) => window.__cy!.getElementById(uid).nonempty(), recipient.uid)).toBe(true);

    const answered = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('ExplorerNeighbours'),
    );
    const at = await screenPosition(page, recipient.uid);
    await page.mouse.dblclick(at.x, at.y);
    const body = (await (await answered).json()) as {
      data: { neighbours: { edges: unknown[]; bundles: { target: string; count: number }[] } };
    };
    // The server counted the payments instead of sending them.
    expect(body.data.neighbours.bundles).toContainEqual(
      expect.objectContaining({ target: recipient.programme, count: recipient.payments }),
    );

    await poll(async () => (await drawn()).bundle?.server).toBe(true);
    const closed = await drawn();
    expect(closed.singles).toBe(0);
    expect(closed.bundle!.count).toBe(recipient.payments);
    expect(closed.bundle!.caption).toMatch(new RegExp(`^\\S+ ×${recipient.payments}( · \\d{4}-\\d{2}(—\\d{4}-\\d{2})?)?$`));
    await shot('bundle');
  });

  it('opens from the details panel into the single payments, each a relationship like any other', async () => {
    // Selected, the details panel shows it as it shows any bundle; its button opens it.
    await page.evaluate(
      // Braces: the element itself is not sent back (serialising a Cytoscape collection takes long).
      ([person, prog]) => {
        window.__cy!.getElementById(`bundle:${person}|${prog}|RECEIVED`).select();
      },
      [recipient.uid, recipient.programme],
    );
    await page.getByTestId('open-bundle').click();
    await poll(async () => (await drawn()).visibleSingles).toBe(recipient.payments);
    expect((await drawn()).bundle).toBeNull();
    // Single edges like any others: each with its own properties for the details panel and exports.
    const dated = await page.evaluate(
      ([person, prog]) =>
        window
          .__cy!.edges()
          .filter((e) => e.source().id() === person && e.target().id() === prog && e.data('edge') !== undefined)
          .map((e) => Object.keys(e.data('edge').properties).length > 0),
      [recipient.uid, recipient.programme],
    );
    expect(dated.every(Boolean)).toBe(true);
    await shot('opened');

    // One of them selected: the details panel shows a relationship with its properties, as for any edge.
    await page.evaluate(
      ([person, prog]) => {
        window
          .__cy!.edges()
          .filter((e) => e.source().id() === person && e.target().id() === prog && e.data('edge') !== undefined)
          .first()
          .select();
      },
      [recipient.uid, recipient.programme],
    );
    await poll(() => page.locator('[data-testid="details"] .panel-title').first().textContent()).toBe('关系');
  });

  it('closes again with undo and opens again with redo, without reading the payments twice', async () => {
    // Undo: the server's bundle again, the payments it brought gone; redo opens it again without asking
    // the server a second time.
    const reads: string[] = [];
    page.on('request', (r) => {
      if ((r.postData() ?? '').includes('ExplorerParallelEdges')) reads.push(r.url());
    });
    await page.keyboard.press('Control+z');
    await poll(async () => (await drawn()).bundle?.server).toBe(true);
    expect((await drawn()).singles).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await poll(async () => (await drawn()).visibleSingles).toBe(recipient.payments);
    expect((await drawn()).bundle).toBeNull();
    expect(reads).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
