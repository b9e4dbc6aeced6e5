// A server bundle on a headless Cytoscape, as syncBundles applies bundles after every change of the canvas:
// it stands for its key's single edges (those on the canvas are hidden under it and mark it), no canvas
// bundle is planned beside it, and once its key is opened (its single edges read and put in its place,
// canvas-tools.ts openServerBundle; that and undo are in test/browser/hub.browser.test.ts, the groups
// extension the tools build needs a DOM) the single edges are bundled like any others.
import cytoscape, { type Core } from 'cytoscape';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Edge, Entity } from '../../../web/src/api/types.js';
import { syncBundles } from '../../../web/src/graph/bundles-cy.js';
import { edgeElement, nodeElement, serverBundleElement } from '../../../web/src/graph/elements.js';

const entity = (id: string, label: string): Entity => ({
  id,
  label,
  labels: [label],
  caption: id,
  properties: {},
  provenance: null,
  degree: 1,
});
const payment = (n: number): Edge => ({
  id: n === 1 ? 'P|RECEIVED|G' : `P|RECEIVED|G#${n}`,
  type: 'RECEIVED',
  source: 'P',
  target: 'G',
  properties: { payDate: `2024-0${n}-15`, amount: 100 },
  provenance: null,
});
const bundle = {
  id: 'bundle:P|G|RECEIVED',
  type: 'RECEIVED',
  source: 'P',
  target: 'G',
  count: 5,
  from: '2024-01-15',
  to: '2024-05-15',
  amount: 500,
};
const BUNDLE = 'bundle:P|G|RECEIVED';

let cy: Core;
const name = (t: string) => (t === 'RECEIVED' ? '领取' : t);
const sync = (opened: string[] = []) => syncBundles(cy, new Set(opened), name);
beforeEach(() => {
  cy = cytoscape({ headless: true, styleEnabled: true });
  cy.add([nodeElement(entity('P', 'Person')), nodeElement(entity('G', 'Program')), serverBundleElement(bundle)]);
  sync();
});

const singles = () => cy.edges().filter((e) => e.data('edge') !== undefined);
const KEY = 'P\u0000G\u0000RECEIVED';

describe('a server bundle on the canvas', () => {
  it('is labelled like a canvas bundle, with the count and span the server sent', () => {
    expect(cy.getElementById(BUNDLE).data('caption')).toBe('领取 ×5 · 2024-01—2024-05');
    expect(cy.getElementById(BUNDLE).hasClass('bundle')).toBe(true);
  });

  it('hides single edges of its key under it, plans no canvas bundle beside it, and takes their marks', () => {
    cy.add([1, 2, 3].map((n) => edgeElement(payment(n))));
    cy.getElementById('rel:P|RECEIVED|G').addClass('evidence');
    sync();
    expect(cy.edges('.bundle').map((e) => e.id())).toEqual([BUNDLE]);
    expect(singles().filter('.bundled')).toHaveLength(3);
    expect(cy.getElementById(BUNDLE).hasClass('evidence')).toBe(true);
    // Still the server's count, not the three on the canvas.
    expect(cy.getElementById(BUNDLE).data('count')).toBe(5);
  });

  it('keeps a mark a highlight gave it when none of its single edges is on the canvas', () => {
    cy.getElementById(BUNDLE).addClass('faded');
    sync();
    expect(cy.getElementById(BUNDLE).hasClass('faded')).toBe(true);
  });

  it('gives way, once opened, to its single edges, which close into a canvas bundle under the same id', () => {
    cy.getElementById(BUNDLE).remove();
    cy.add([1, 2, 3, 4, 5].map((n) => edgeElement(payment(n))));
    sync([KEY]);
    expect(cy.edges('.bundle')).toHaveLength(0);
    expect(singles().filter('.bundled')).toHaveLength(0);
    sync();
    const b = cy.getElementById(BUNDLE);
    expect(b.data('server')).toBeUndefined();
    expect(b.data('count')).toBe(5);
    expect(b.data('caption')).toBe('领取 ×5 · 2024-01—2024-05');
  });
});
