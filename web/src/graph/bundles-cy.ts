// Applies the bundle plan (bundle.ts) to the canvas: the single edges of a bundle stay on the canvas with
// the class `bundled` (not drawn), and one `bundle` edge stands for them. Idempotent: run after every
// change (add, remove, restore, highlight, language), it updates bundles in place, adds new ones and drops
// those no longer planned. Opened bundles (the user asked for the single edges) are kept by key.
import type { Collection, Core, EdgeCollection, EdgeSingular } from 'cytoscape';
import { bundleLabel, planBundles, type Bundle } from './bundle.js';
import type { EdgeData } from './elements.js';
import { ruleClasses } from './rules.js';

export interface BundleData {
  id: string;
  source: string;
  target: string;
  type: string;
  bundle: true;
  key: string;
  count: number;
  members: string[];
  /** The label as drawn, in the current language. */
  caption: string;
  from: string | null;
  to: string | null;
  amount: number | null;
}

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

export function syncBundles(cy: Core, opened: ReadonlySet<string>, relName: (type: string) => string): void {
  const edges = dataEdges(cy);
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
      if (opened.has(b.key)) continue;
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
    edges.forEach((e) => {
      e.toggleClass('bundled', inBundle.has(e.id()));
    });
    cy.edges('.bundle')
      .filter((e) => !keep.has(e.id()))
      .remove();
  });
}
