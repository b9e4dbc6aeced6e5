import { describe, expect, it } from 'vitest';
import { presentNode, presentRels, primaryLabel } from '../../../server/graphql/entity/present.js';
import { demand, maySeeSensitive } from '../../../server/access/roles.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';

const schema = loadGraphSchema();
const person = {
  elementId: '4:x:1',
  labels: ['Entity', 'Person'],
  properties: {
    uid: 'Person:11010519491231002X',
    idNo: '11010519491231002X',
    idNoMasked: '110105********002X',
    name: '王志强',
    _source: 'hr.roster',
    _file: 'roster.csv',
    _row: 7,
    _run: 'load-1',
    _sources: ['hr.roster', 'civil.marriage'],
  },
};

describe('presenting a node', () => {
  it('masks sensitive properties unless allowed, keeping the masked form', () => {
    const masked = presentNode(person, { schema, showSensitive: false });
    expect(masked.properties).toEqual({ idNoMasked: '110105********002X', name: '王志强' });
    const raw = presentNode(person, { schema, showSensitive: true });
    expect(raw.properties.idNo).toBe('11010519491231002X');
  });

  it('takes id, label, caption and provenance from the node and the schema', () => {
    const v = presentNode(person, { schema, showSensitive: false });
    expect(v).toMatchObject({ id: 'Person:11010519491231002X', label: 'Person', labels: ['Person'], caption: '王志强' });
    expect(v.provenance).toEqual({
      source: 'hr.roster',
      file: 'roster.csv',
      row: 7,
      run: 'load-1',
      sources: ['hr.roster', 'civil.marriage'],
    });
  });

  it('never uses a sensitive property as the caption for a role that may not see it', () => {
    const nameless = { ...person, properties: { uid: 'Person:X', idNo: '11010519491231002X' } };
    expect(presentNode(nameless, { schema, showSensitive: false }).caption).toBe('Person:X');
    expect(presentNode(nameless, { schema, showSensitive: true }).caption).toBe('11010519491231002X');
  });

  it('falls back to the model title for an alert without a title', () => {
    const alert = {
      elementId: '4:x:2',
      labels: ['Alert', 'Entity'],
      properties: { uid: 'Alert:fp', fingerprint: 'fp', modelTitleZh: '亲属企业中标' },
    };
    expect(presentNode(alert, { schema, showSensitive: false }).caption).toBe('亲属企业中标');
    expect(presentNode(alert, { schema, showSensitive: false }).provenance).toBeNull();
  });

  it('picks the schema label as primary whatever the order', () => {
    expect(primaryLabel(['Entity', 'Company'], schema)).toBe('Company');
    expect(primaryLabel(['Entity', 'Unknown'], schema)).toBe('Unknown');
  });
});

describe('presenting relationships', () => {
  it('ids edges by their ends and type, keeping parallel ones apart', () => {
    const rel = (eid: string) => ({ type: 'HOLDS_POST', source: 'Person:1', target: 'Org:1', props: { title: '科员', _row: 3 }, eid });
    const edges = presentRels([rel('5:a'), rel('5:b'), rel('5:a')], { schema, showSensitive: false });
    expect(edges.map((e) => e.id)).toEqual(['Person:1|HOLDS_POST|Org:1', 'Person:1|HOLDS_POST|Org:1#5:b']);
    expect(edges[0]?.properties).toEqual({ title: '科员' });
    expect(edges[0]?.provenance?.row).toBe(3);
  });
});

describe('roles', () => {
  it('lets only admin see sensitive values', () => {
    expect(maySeeSensitive('admin')).toBe(true);
    for (const r of ['viewer', 'handler', 'analyst', 'system'] as const) expect(maySeeSensitive(r)).toBe(false);
  });
  it('refuses a permission the role lacks with FORBIDDEN', () => {
    expect(() => demand('viewer', 'runModels', 'run models')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => demand('analyst', 'runModels', 'run models')).not.toThrow();
  });
});
