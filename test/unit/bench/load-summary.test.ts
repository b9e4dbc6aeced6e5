import { describe, expect, it } from 'vitest';
import { roundOrder } from '../../../bench/load/bench-load.js';
import type { PathResult } from '../../../bench/load/paths.js';
import { median, summarise } from '../../../bench/load/summary.js';

const run = (seconds: number, detail?: unknown, nodes = 10): PathResult => ({
  seconds,
  rowsPerSec: Math.round(1000 / seconds),
  nodes,
  relationships: 20,
  load: [1, 1],
  ...(detail ? { detail } : {}),
});

describe('the load benchmark summary', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('rotates the order of the paths from round to round', () => {
    const paths = ['online', 'loadcsv', 'offline', 'floor'];
    expect(roundOrder(paths, 0)).toEqual(paths);
    expect(roundOrder(paths, 1)).toEqual(['loadcsv', 'offline', 'floor', 'online']);
    expect(roundOrder(paths, 5)).toEqual(['loadcsv', 'offline', 'floor', 'online']);
  });

  it('gives online / LOAD CSV per round and of the medians, as LOAD CSV seconds over online seconds', () => {
    const s = summarise(1000, {
      online: [run(100), run(120), run(90)],
      loadcsv: [run(110), run(100), run(99)],
      floor: [run(40), run(50), run(45)],
      offline: [run(50, { phasesMs: {} }), run(40, { phasesMs: {} }), run(60, { phasesMs: {} })],
    });
    expect(s.paths.online!.medianSeconds).toBe(100);
    expect(s.paths.online!.medianRowsPerSec).toBe(10);
    expect(s.onlineVsLoadCsv.perRound).toEqual([1.1, 0.83, 1.1]);
    expect(s.onlineVsLoadCsv.ofMedians).toBe(1);
    expect(s.onlineVsFloor).toBe(0.45);
    expect(s.offlineVsOnline).toBe(2);
    expect(s.countsAgree).toBe(true);
  });

  it('notices counts that differ between runs', () => {
    expect(summarise(1000, { online: [run(1), run(1, undefined, 11)] }).countsAgree).toBe(false);
  });

  it("holds LOAD CSV's nodes and relationships to every other path's", () => {
    const csv = (relationships: number, nodes = 10) => ({ ...run(1, undefined, nodes), relationships });
    expect(summarise(1000, { online: [run(1), run(1)], loadcsv: [csv(20), csv(20)] }).countsAgree).toBe(true);
    expect(summarise(1000, { online: [run(1), run(1)], loadcsv: [csv(25), csv(25)] }).countsAgree).toBe(false);
    expect(summarise(1000, { online: [run(1), run(1)], loadcsv: [csv(20, 11), csv(20, 11)] }).countsAgree).toBe(false);
    expect(summarise(1000, { online: [run(1)], offline: [{ ...run(1, { phasesMs: {} }), relationships: 21 }] }).countsAgree).toBe(false);
  });

  it('splits the offline path into what grows with the data and its fixed costs', () => {
    const phases = (k: number) => ({
      phasesMs: {
        read: 10_000 * k,
        csv: 2000,
        import: 9000,
        importerStart: 3000,
        importRun: 5000,
        importerExit: 1000,
        start: 8000,
        schema: 7000,
        loadRuns: 500,
      },
    });
    const s = summarise(170_000, { offline: [run(40, phases(1)), run(60, phases(3)), run(50, phases(2))] });
    // Variable: read + csv + importRun = 27,000 ms in the median run; fixed: 3,000 + 1,000 + 8,000 + 7,000 + 500.
    expect(s.offline!.variableMs).toBe(27_000);
    expect(s.offline!.fixedMs).toBe(19_500);
    expect(s.offline!.variableRowsPerSec).toBe(6296);
    expect(s.offline!.medianMs.read).toBe(20_000);
  });

  it("keeps the loading process's highest peak of each phase over the runs", () => {
    const mem = (read: number, csv: number) => ({
      phasesMs: { read: 1000, csv: 1000 },
      memory: { read: { rssPeakMiB: read, maxRssMiB: read }, csv: { rssPeakMiB: csv, maxRssMiB: Math.max(read, csv) } },
    });
    const s = summarise(1000, { offline: [run(10, mem(300, 500)), run(10, mem(700, 400)), run(10, mem(200, 450))] });
    expect(s.offline!.peakMiB).toEqual({ read: 700, csv: 500 });
  });
});
