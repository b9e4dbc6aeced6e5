import { describe, expect, it } from 'vitest';
import { csvField, graphCsv, graphJson } from '../../../web/src/export/table.js';
import type { Graph } from '../../../web/src/api/types.js';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, doubling quotes inside', () => {
    expect(csvField('杭州志远建设有限公司')).toBe('杭州志远建设有限公司');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(null)).toBe('');
    expect(csvField(1250000)).toBe('1250000');
  });

  it('defuses a cell a spreadsheet would run as a formula, but keeps negative numbers', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-12.5')).toBe('-12.5');
  });

  const g: Graph = {
    nodes: [
      {
        id: 'Person:1',
        label: 'Person',
        labels: ['Person'],
        caption: '王志强',
        properties: { name: '王志强' },
        degree: 2,
        provenance: { source: 'hr.roster', file: 'roster.csv', row: 2, run: 'load-1', sources: ['hr.roster'] },
      },
    ],
    edges: [
      {
        id: 'Person:1|HOLDS_POST|Org:1',
        type: 'HOLDS_POST',
        source: 'Person:1',
        target: 'Org:1',
        properties: { title: '局长', from: '2018-01-01' },
        provenance: { source: 'hr.roster', file: 'roster.csv', row: 2, run: 'load-1' },
      },
    ],
  };

  it('writes nodes then edges with their provenance, with a BOM and CRLF for Excel', () => {
    const csv = graphCsv(g);
    expect(csv.startsWith('\uFEFFkind,id,label,caption,source,target,properties,prov_source,prov_file,prov_row,prov_run\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[1]).toBe('node,Person:1,Person,王志强,,,"{""name"":""王志强""}",hr.roster,roster.csv,2,load-1');
    expect(lines[2]).toBe(
      'edge,Person:1|HOLDS_POST|Org:1,HOLDS_POST,,Person:1,Org:1,"{""title"":""局长"",""from"":""2018-01-01""}",hr.roster,roster.csv,2,load-1',
    );
  });

  it('writes JSON with who exported it, when and why', () => {
    const j = JSON.parse(graphJson(g, { exportedAt: '2026-12-02T16:00:00Z', exportedBy: 'handler1', reason: '案件', asOf: null }));
    expect(j).toMatchObject({ exportedBy: 'handler1', reason: '案件', nodes: [{ id: 'Person:1' }], edges: [{ type: 'HOLDS_POST' }] });
  });
});
