import { describe, expect, it } from 'vitest';
import type { Edge, Entity, Neighbourhood } from '../../../web/src/api/types.js';
import {
  edgeElementId,
  graphElementIds,
  mergeGraph,
  neighbourhoodGraph,
  nodeElement,
  moreMessages,
  moreText,
  remaining,
  serverBundleElement,
  shortCaption,
  spellSpan,
} from '../../../web/src/graph/elements.js';
import { MESSAGES, type MessageKey } from '../../../web/src/i18n.js';
import { bundleId, bundleKey } from '../../../web/src/graph/bundle.js';

const person = (key: string, name: string): Entity => ({
  id: `Person:${key}`,
  label: 'Person',
  labels: ['Person', 'Entity'],
  caption: name,
  properties: { name },
  provenance: null,
  degree: 1,
});
const edge = (id: string, type: string, source: string, target: string): Edge => ({
  id,
  type,
  source,
  target,
  properties: {},
  provenance: null,
});

const a = person('1', '王志强');
const b = person('2', '李秀英');
const c = person('3', '王小明');

describe('nodeElement', () => {
  it('keeps the whole entity on the node so the details panel needs no second request', () => {
    const el = nodeElement(a);
    expect(el.group).toBe('nodes');
    expect(el.data).toMatchObject({ id: 'Person:1', label: 'Person', caption: '王志强', more: { n: 0, capped: false } });
    expect(el.data.entity).toBe(a);
  });

  it('falls back to the uid when an entity has no caption', () => {
    expect(nodeElement({ ...a, caption: '' }).data.caption).toBe('Person:1');
  });
});

describe('shortCaption', () => {
  it('shortens long names by characters, not bytes', () => {
    expect(shortCaption('某某县城乡建设投资发展有限责任公司', 8)).toBe('某某县城乡建设…');
    expect(shortCaption('王志强', 8)).toBe('王志强');
  });
});

describe('mergeGraph', () => {
  it('adds only nodes and edges that are not on the canvas yet', () => {
    const existing = new Set(['Person:1', edgeElementId('r1')]);
    const m = mergeGraph(existing, {
      nodes: [a, b],
      edges: [edge('r1', 'KIN', 'Person:1', 'Person:2'), edge('r2', 'KIN', 'Person:2', 'Person:1')],
    });
    expect(m.nodes.map((n) => n.data.id)).toEqual(['Person:2']);
    expect(m.edges.map((e) => e.data.id)).toEqual(['rel:r2']);
  });

  it('drops duplicates inside one result', () => {
    const m = mergeGraph(new Set(), {
      nodes: [a, b, a],
      edges: [edge('r1', 'KIN', 'Person:1', 'Person:2'), edge('r1', 'KIN', 'Person:1', 'Person:2')],
    });
    expect(m.nodes).toHaveLength(2);
    expect(m.edges).toHaveLength(1);
  });

  it('leaves out an edge whose end is neither on the canvas nor in the result', () => {
    const m = mergeGraph(new Set(['Person:1']), { nodes: [b], edges: [edge('r9', 'KIN', 'Person:2', 'Person:3')] });
    expect(m.nodes).toHaveLength(1);
    expect(m.edges).toHaveLength(0);
  });

  it('merging the same expansion twice adds nothing the second time', () => {
    const g = { nodes: [a, b, c], edges: [edge('r1', 'KIN', 'Person:1', 'Person:2'), edge('r2', 'KIN', 'Person:1', 'Person:3')] };
    const first = mergeGraph(new Set(), g);
    const onCanvas = new Set([...first.nodes, ...first.edges].map((e) => e.data.id));
    const second = mergeGraph(onCanvas, g);
    expect(second.nodes).toHaveLength(0);
    expect(second.edges).toHaveLength(0);
  });
});

describe('neighbourhoods', () => {
  const nb: Neighbourhood = {
    center: a,
    nodes: [b, c],
    edges: [edge('r1', 'KIN', 'Person:1', 'Person:2')],
    total: 12,
    totalCapped: false,
    truncated: true,
    bundles: [],
  };

  it('puts the centre into the graph so an expansion from a search result can add it too', () => {
    expect(neighbourhoodGraph(nb).nodes.map((n) => n.id)).toEqual(['Person:1', 'Person:2', 'Person:3']);
  });

  it('counts the neighbours left out of a truncated expansion', () => {
    expect(remaining(nb)).toEqual({ n: 10, capped: false });
    expect(remaining({ ...nb, truncated: false })).toEqual({ n: 0, capped: false });
  });

  it(`keeps a hub's relationship count as a ceiling, which the screen words as "up to"`, () => {
    const hub = remaining({ ...nb, total: 169_110, totalCapped: true });
    expect(hub).toEqual({ n: 169_108, capped: true });
    expect(moreText(hub)).toBe('169108');
    expect(moreText(remaining(nb))).toBe('10');
    const words = (lang: 'zh' | 'en', key: MessageKey) => MESSAGES[lang][key];
    const { details, toast } = moreMessages(hub);
    expect([words('zh', details), words('zh', toast)].every((w) => w.includes('至多') && w.includes('关系数'))).toBe(true);
    expect([words('en', details), words('en', toast)].every((w) => w.startsWith('Up to {n}') && w.includes('relationships'))).toBe(true);
    // An exact count keeps the plain words.
    expect(words('en', moreMessages(remaining(nb)).details)).toBe('{n} more linked entities not shown');
  });

  it('names evidence elements the way the canvas does', () => {
    expect(graphElementIds({ nodes: [a], edges: [edge('r1', 'KIN', 'Person:1', 'Person:2')] })).toEqual(['Person:1', 'rel:r1']);
  });
});

describe('labelsOnCanvas', () => {
  it('counts the labels of the uids on the canvas for the legend', async () => {
    const { labelsOnCanvas } = await import('../../../web/src/panels/legend.js');
    expect([...labelsOnCanvas(['Person:1', 'Person:2', 'Company:9'])]).toEqual([
      ['Person', 2],
      ['Company', 1],
    ]);
  });
});

describe('spellSpan', () => {
  it('labels a spell with its first and last month and its months', () => {
    expect(spellSpan({ from: '2023-01-01', to: '2024-06-30', months: 18, amount: 6800 }, 'zh')).toBe('2023-01—2024-06 · 18个月');
    expect(spellSpan({ from: '2023-01-01', to: '2024-06-30', months: 18 }, 'en')).toBe('2023-01—2024-06 · 18 mo');
  });

  it('shows a spell still running as open, and nothing for an edge without a start', () => {
    expect(spellSpan({ from: '2021-03-01' }, 'zh')).toBe('2021-03—至今');
    expect(spellSpan({ amount: 1 }, 'zh')).toBeUndefined();
  });
});

describe('server bundles', () => {
  const paid = {
    id: 'bundle:Person:2|Person:1|RECEIVED',
    type: 'RECEIVED',
    source: 'Person:2',
    target: 'Person:1',
    count: 30,
    from: '2019-01-01',
    to: '2021-06-15',
    amount: 9000,
  };

  it('draws a bundle the server sent under the id the canvas gives its own bundle of those edges, members to be read', () => {
    const el = serverBundleElement(paid);
    expect(el.classes).toBe('bundle');
    expect(el.data).toMatchObject({
      id: bundleId(bundleKey(paid)),
      bundle: true,
      server: true,
      count: 30,
      members: [],
      from: '2019-01-01',
      to: '2021-06-15',
      amount: 9000,
    });
  });

  it('adds a server bundle once, only when both its ends are there', () => {
    const g = { nodes: [a, b], edges: [], bundles: [paid, { ...paid, id: 'x', source: 'Person:9' }] };
    const first = mergeGraph(new Set(), g);
    expect(first.bundles.map((x) => x.data.id)).toEqual([bundleId(bundleKey(paid))]);
    const onCanvas = new Set([...first.nodes, ...first.bundles].map((e) => e.data.id));
    expect(mergeGraph(onCanvas, g).bundles).toEqual([]);
  });

  it("carries a neighbourhood's bundles into the graph the canvas adds", () => {
    const nb: Neighbourhood = { center: a, nodes: [b], edges: [], bundles: [paid], total: 1, totalCapped: false, truncated: false };
    expect(neighbourhoodGraph(nb).bundles).toEqual([paid]);
  });
});
