// Applies the bundle plan (bundle.ts) to the canvas: the single edges of a bundle stay on the canvas with
// the class `bundled` (not drawn), and one `bundle` edge stands for them. Idempotent: run after every
// change (add, remove, restore, highlight, language), it updates bundles in place, adds new ones and drops
// those no longer planned. Opened bundles (the user asked for the single edges) are kept by key.
import type { Collection, Core, EdgeCollection, EdgeSingular } from 'cytoscape';
import { bundleKey, bundleLabel, planBundles, type Bundle, type BundleData } from './bundle.js';
import type { EdgeData } from './elements.js';
import { ruleClasses } from './rules.js';

export type { BundleData };

/** The elements with these ids (absent ones left out). */
export function byIds(cy: Core, ids: Iterable<string>): Collection {
  const out = cy.collection();
  for (const id of ids) out.merge(cy.getElementById(id));
  return out;
}

/** Edges that stand for data: not bundles, not the expand-collapse extension's meta edges. */
export function dataEdges(cy: Core): EdgeCollection {
  return cy.edges().filter((e) => e.data('bundle') !== true && !e.hasClass('cy-expand-collapse-meta-edge') && e.data('edge') !== undefined);
}

function bundleData(b: Bundle, cy: Core, relName: (type: string) => string): BundleData {
  let amount = 0;
  let amounts = 0;
  for (const id of b.members) {
    const v = (cy.getElementById(id).data() as EdgeData).edge.properties.amount;
    if (typeof v === 'number') {
      amount += v;
      amounts++;
    }
  }
  return {
    id: b.id,
    source: b.source,
    target: b.target,
    type: b.type,
    bundle: true,
    key: b.key,
    count: b.members.length,
    members: b.members,
    caption: bundleLabel(relName(b.type), b.members.length, b.span),
    from: b.span?.from ?? null,
    to: b.span?.to ?? null,
    amount: amounts > 0 ? amount : null,
  };
}

/** The server's bundles on the canvas, by bundle key. */
export function serverBundles(cy: Core): Map<string, EdgeSingular> {
  const out = new Map<string, EdgeSingular>();
  cy.edges('.bundle').forEach((e) => {
    if ((e.data() as BundleData).server === true) out.set((e.data() as BundleData).key, e);
  });
  return out;
}

const MARKS = ['evidence', 'path', 'filtered'];

/**
 * A server bundle's caption and classes. Single edges of its key that are on the canvas (an alert's
 * evidence among them) are drawn under it, and mark it as they would mark a bundle of the canvas's own;
 * with none there, it keeps the marks a highlight gave the bundle itself.
 */
function syncServerBundle(el: EdgeSingular, local: Collection, relName: (type: string) => string): void {
  const d = el.data() as BundleData;
  const span = d.from && d.to ? { from: d.from, to: d.to } : null;
  el.data('caption', bundleLabel(relName(d.type), d.count, span));
  const kept = local.empty() ? [...MARKS, 'faded'].filter((c) => el.hasClass(c)) : [];
  el.classes(['bundle', ...ruleClasses('edge', d.type, { amount: d.amount }), ...kept]);
  for (const cls of MARKS) if (local.filter(`.${cls}`).nonempty()) el.addClass(cls);
  if (local.nonempty() && local.filter('.faded').length === local.length) el.addClass('faded');
}

export function syncBundles(cy: Core, opened: ReadonlySet<string>, relName: (type: string) => string): void {
  const edges = dataEdges(cy);
  const servers = serverBundles(cy);
  const plan = planBundles(
    edges.map((e) => {
      const d = e.data() as EdgeData;
      return { id: d.id, source: d.source, target: d.target, type: d.type, properties: d.edge.properties };
    }),
  );
  cy.batch(() => {
    const keep = new Set<string>();
    const inBundle = new Set<string>();
    for (const b of plan) {
      if (opened.has(b.key) || servers.has(b.key)) continue;
      keep.add(b.id);
      for (const m of b.members) inBundle.add(m);
      const data = bundleData(b, cy, relName);
      let el = cy.getElementById(b.id) as EdgeSingular;
      if (el.empty()) el = cy.add({ group: 'edges', data, classes: 'bundle' }) as unknown as EdgeSingular;
      else el.data(data);
      const members = byIds(cy, b.members);
      // The bundle shows what its single edges show: highlighted when one of them is evidence or on a
      // path, faded only when all are.
      el.classes(['bundle', ...ruleClasses('edge', b.type, { amount: data.amount })]);
      for (const cls of ['evidence', 'path', 'filtered']) if (members.filter(`.${cls}`).nonempty()) el.addClass(cls);
      if (members.nonempty() && members.filter('.faded').length === members.length) el.addClass('faded');
    }
    const underServer = new Map<string, Collection>();
    edges.forEach((e) => {
      const key = bundleKey(e.data() as EdgeData);
      const server = servers.has(key);
      if (server) underServer.set(key, (underServer.get(key) ?? cy.collection()).merge(e));
      e.toggleClass('bundled', inBundle.has(e.id()) || server);
    });
    for (const [key, el] of servers) syncServerBundle(el, underServer.get(key) ?? cy.collection(), relName);
    cy.edges('.bundle')
      .filter((e) => !keep.has(e.id()) && (e.data() as BundleData).server !== true)
      .remove();
  });
}
