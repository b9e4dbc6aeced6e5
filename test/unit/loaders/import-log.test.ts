import { describe, expect, it } from 'vitest';
import { parseDuration, parseImportLog } from '../../../loaders/bulk/import-log.js';

// Lines as neo4j-admin 5.26.31 wrote them in a real import (the 2,000-person county), progress dots cut.
const LOG = `Neo4j version: 5.26.31
WARNING: heap size 910.5MiB may be too small to complete this import. Suggested heap size is 1.000GiB
Import starting 2026-12-02 09:48:31.409+0000
  Estimated number of nodes: 4.45 k
(1/4) Node import 2026-12-02 09:48:31.441+0000
.......... .......... .......... .......... ..........  95% ∆0ms [4s 846ms]
Node import COMPLETED in 2s 59ms

(2/4) Relationship import 2026-12-02 09:48:33.498+0000
Relationship import COMPLETED in 1s 35ms

(3/4) Relationship linking 2026-12-02 09:48:34.534+0000
Relationship linking COMPLETED in 858ms

(4/4) Post processing 2026-12-02 09:48:35.392+0000
Post processing COMPLETED in 1m 4s 853ms


IMPORT DONE in 1m 10s 129ms. 
Imported:
  3599 nodes
`;

describe('the import log', () => {
  it('reads durations with hours, minutes, seconds and milliseconds', () => {
    expect(parseDuration('858ms')).toBe(858);
    expect(parseDuration('4s 853ms')).toBe(4853);
    expect(parseDuration('1h 2m 3s')).toBe(3_723_000);
    expect(parseDuration('soon')).toBeUndefined();
  });

  it('finds the start, the run and every stage', () => {
    const t = parseImportLog(LOG);
    expect(t.startedAt).toBe(Date.UTC(2026, 11, 2, 9, 48, 31, 409));
    expect(t.runMs).toBe(70_129);
    expect(t.stagesMs).toEqual({
      'node import': 2059,
      'relationship import': 1035,
      'relationship linking': 858,
      'post processing': 64_853,
    });
  });

  it('leaves out what a failed import never wrote', () => {
    const t = parseImportLog('Neo4j version: 5.26.31\nImport starting 2026-12-02 09:48:31.409+0100\nboom\n');
    expect(t.startedAt).toBe(Date.UTC(2026, 11, 2, 8, 48, 31, 409));
    expect(t.runMs).toBeUndefined();
    expect(t.stagesMs).toEqual({});
  });
});
