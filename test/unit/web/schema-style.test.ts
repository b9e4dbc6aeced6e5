import { describe, expect, it } from 'vitest';
import { buildStylesheet } from '../../../web/src/graph/style.js';
import { anchorFor, ringPositions } from '../../../web/src/graph/layout.js';
import { indexSchema, labelName, modelTitle, propName, relName } from '../../../web/src/schema.js';

const schema = indexSchema(
  {
    labels: [
      { name: 'Person', zh: '人员', en: 'Person', color: '#3b82f6', shape: 'ellipse', caption: 'name' },
      { name: 'Project', zh: '项目', en: 'Project', color: '#10b981', shape: 'pyramid', caption: 'name' },
    ],
    relationshipTypes: [
      { name: 'KIN', zh: '亲属', en: 'kin' },
      { name: 'ON_PAYROLL', zh: '财政供养', en: 'on the public payroll of' },
    ],
  },
  [{ id: 'kin-wins-tender', titleZh: '亲属中标本单位项目', titleEn: 'Kin won a tender of the unit' }],
  {
    labels: { Person: { birthDate: { zh: '出生日期', en: 'Birth date' } } },
    relationships: { ON_PAYROLL: { months: { zh: '月数', en: 'Months' } } },
  },
);

describe('schema lookups', () => {
  it('names labels, relationship types and properties in the language, raw when unknown', () => {
    expect(labelName(schema, 'Person', 'zh')).toBe('人员');
    expect(labelName(schema, 'Person', 'en')).toBe('Person');
    expect(labelName(schema, 'Ghost', 'zh')).toBe('Ghost');
    expect(relName(schema, 'KIN', 'zh')).toBe('亲属');
    expect(propName(schema, 'labels', 'Person', 'birthDate', 'zh')).toBe('出生日期');
    expect(propName(schema, 'labels', 'Person', 'shoeSize', 'zh')).toBe('shoeSize');
    expect(labelName(null, 'Person', 'zh')).toBe('Person');
  });

  it('titles a model in the language, with the server title as fallback', () => {
    expect(modelTitle(schema, 'kin-wins-tender', 'x', 'en')).toBe('Kin won a tender of the unit');
    expect(modelTitle(schema, 'unknown', '服务端标题', 'zh')).toBe('服务端标题');
  });
});

describe('buildStylesheet', () => {
  const style = (lang: 'zh' | 'en') => buildStylesheet(schema, lang);
  const rule = (lang: 'zh' | 'en', selector: string) => style(lang).find((r) => r.selector === selector)?.style as Record<string, unknown>;

  it('labels each edge of a spell type with its dates, other types with their name only', () => {
    expect(rule('zh', 'edge[type = "KIN"]')).toMatchObject({ label: '亲属' });
    const label = rule('zh', 'edge[type = "ON_PAYROLL"]')!.label as (e: unknown) => string;
    const edge = (properties: Record<string, unknown>) => ({ data: (k: string) => (k === 'edge' ? { properties } : undefined) });
    expect(label(edge({ from: '2023-01-01', to: '2024-06-30', months: 18 }))).toBe('财政供养 2023-01—2024-06 · 18个月');
    expect(label(edge({}))).toBe('财政供养');
  });

  it('gives each label its colour and shape from the schema data', () => {
    expect(rule('zh', 'node[label = "Person"]')).toMatchObject({ 'background-color': '#3b82f6', shape: 'ellipse' });
  });

  it('falls back to an ellipse for a shape the renderer does not draw', () => {
    expect(rule('zh', 'node[label = "Project"]')).toMatchObject({ shape: 'ellipse' });
  });

  it('labels edges with the relationship name in the current language', () => {
    expect(rule('zh', 'edge[type = "KIN"]')).toMatchObject({ label: '亲属' });
    expect(rule('en', 'edge[type = "KIN"]')).toMatchObject({ label: 'kin' });
  });

  it('has the evidence and faded classes used by the alert view', () => {
    const selectors = style('zh').map((r) => r.selector);
    expect(selectors).toEqual(expect.arrayContaining(['.faded', 'node.evidence', 'edge.evidence']));
  });
});

describe('incremental placement', () => {
  it('puts new nodes on a ring around the node they came from', () => {
    const ps = ringPositions({ x: 100, y: 50 }, 4, 10);
    expect(ps).toHaveLength(4);
    for (const p of ps) expect(Math.hypot(p.x - 100, p.y - 50)).toBeCloseTo(10);
  });

  it('opens a second, wider ring when the first is full', () => {
    const ps = ringPositions({ x: 0, y: 0 }, 30, 100, 12);
    expect(Math.hypot(ps[0]!.x, ps[0]!.y)).toBeCloseTo(100);
    expect(Math.hypot(ps[12]!.x, ps[12]!.y)).toBeGreaterThan(100);
  });

  it('anchors a node at the centre of its placed neighbours', () => {
    expect(
      anchorFor(
        [
          { x: 0, y: 0 },
          { x: 10, y: 20 },
        ],
        { x: 99, y: 99 },
      ),
    ).toEqual({ x: 5, y: 10 });
    expect(anchorFor([], { x: 99, y: 99 })).toEqual({ x: 99, y: 99 });
  });
});

describe('outerRadius', () => {
  it('measures the farthest placed neighbour, so a further page goes outside it', async () => {
    const { outerRadius } = await import('../../../web/src/graph/layout.js');
    expect(
      outerRadius({ x: 0, y: 0 }, [
        { x: 3, y: 4 },
        { x: 0, y: 1 },
      ]),
    ).toBe(5);
    expect(outerRadius({ x: 0, y: 0 }, [])).toBe(0);
  });
});

describe('fitView', () => {
  it('centres a bounding box and does not zoom a few nodes past 1.2', async () => {
    const { fitView } = await import('../../../web/src/graph/layout.js');
    const v = fitView({ x1: 0, y1: 0, w: 100, h: 100 }, 1000, 800);
    expect(v.zoom).toBe(1.2);
    expect(v.pan).toEqual({ x: 500 - 60, y: 400 - 60 });
  });

  it('zooms out to fit a large graph', async () => {
    const { fitView } = await import('../../../web/src/graph/layout.js');
    expect(fitView({ x1: -1000, y1: -500, w: 2000, h: 1000 }, 1000, 800).zoom).toBeCloseTo(0.44);
  });
});
