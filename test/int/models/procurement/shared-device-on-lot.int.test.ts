// M25 on a hand-made tender platform: bidders of one lot whose files came from one machine (机器码) or one
// network card (MAC), and the near misses the catalog warns about: the 交易中心 public terminal's IP, a shared
// office IP with nothing else shared, one machine code on bids for different lots.
import { describe, expect, it } from 'vitest';
import { runModel } from '../../../../server/models/runner.js';
import { alertOn, alerts, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { County, lotPair } from './county.js';

const TERMINAL_IP = '59.202.36.18';
const g = new County();
const ZJJ = g.unit('11330122002000001', '县住建局');
const JT = g.unit('11330122002000002', '县交通运输局');
const [L1, L2, L3, L4, L5] = g.lots(ZJJ, 'ZJ2023-01', [
  '城南道路改造一标段',
  '城南道路改造二标段',
  '老旧小区改造',
  '污水管网改造',
  '桥梁维修',
]);
const L6 = g.lot(JT, 'JT2023-003', '农村公路养护');
const [C1, C2, C3, C4, C5, C6, C7, C8, C9, C10] = g.companies('91330122MA2B0000', [
  '宏达建筑有限公司',
  '建军土石方有限公司',
  '伟业市政有限公司',
  '安平绿化有限公司',
  '恒通路桥有限公司',
  '鑫源建设有限公司',
  '永固工程有限公司',
  '正达劳务有限公司',
  '华宇装饰有限公司',
  '明辉建材有限公司',
]);
type Kind = 'ip' | 'mac' | 'machineCode';
/** Two bids of one lot: `same` identifiers on both, `apart` ones with a different value on each. */
const bids = (a: string, b: string, lot: string, code: string, same: [Kind, string][], apart: [Kind, string, string][] = []) => {
  const [ba, bb] = g.pair(a, b, lot, code);
  for (const [kind, v] of same) [ba, bb].forEach((x) => g.device(x, kind, v));
  for (const [kind, va, vb] of apart) {
    g.device(ba, kind, va);
    g.device(bb, kind, vb);
  }
};

// planted: both files made on one machine; the two firms also uploaded from one office IP (corroboration)
bids(
  C1,
  C2,
  L1,
  'TB-010',
  [
    ['machineCode', '9F3C21A07B5E44D1'],
    ['ip', '115.236.8.20'],
  ],
  [['mac', '00-1A-2B-3C-4D-01', '00-1A-2B-3C-4D-02']],
);
// planted: one network card (MAC), different machine codes, both uploaded from the public terminal
bids(
  C3,
  C4,
  L2,
  'TB-020',
  [
    ['mac', '3C-97-0E-11-22-33'],
    ['ip', TERMINAL_IP],
  ],
  [['machineCode', 'A1B2C3D4E5F60001', 'A1B2C3D4E5F60002']],
);
// near miss: both uploaded from the 交易中心 开标室 public terminal, nothing else shared
bids(C5, C6, L3, 'TB-030', [['ip', TERMINAL_IP]], [['mac', '00-1A-2B-3C-4D-05', '00-1A-2B-3C-4D-06']]);
// near miss: one office IP (shared NAT of a business centre), nothing else shared: an IP alone never alerts
bids(C7, C8, L4, 'TB-040', [['ip', '60.191.77.5']], [['machineCode', 'B0B0B0B0B0B00007', 'B0B0B0B0B0B00008']]);
// near miss: one machine code on bids of two firms, but for different lots (and units)
g.device(g.bid(C9, L5, 'TB-0501'), 'machineCode', 'C7C7C7C7C7C7C7C7');
g.device(g.bid(C10, L6, 'TB-0601'), 'machineCode', 'C7C7C7C7C7C7C7C7');
// near miss: one firm's two bids on one lot from its own laptop
bids(C9, C9, L4, 'TB-041', [['mac', '00-1A-2B-3C-4D-09']]);

const f = modelFixture('procurement.shared-device-on-lot', g.nodes, g.rels);
const pairOn = lotPair(ZJJ);

describe('M25 bidders of one lot sharing a device', () => {
  it('raises one alert per planted pair and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(2);
    expect(await alerts(f)).toEqual([pairOn(C1, C2, L1), pairOn(C3, C4, L2)]);
  });

  it('names the shared device, and a shared IP only when it is not the public terminal', async () => {
    expect((await alertOn(f, 'project', L1)).zh).toBe(
      '宏达建筑有限公司与建军土石方有限公司投标同一标段“城南道路改造一标段”（县住建局，编号ZJ2023-011），投标文件使用同一设备：机器码 9F3C21A07B5E44D1；另有相同上传IP 115.236.8.20',
    );
    expect((await alertOn(f, 'project', L2)).zh).toBe(
      '伟业市政有限公司与安平绿化有限公司投标同一标段“城南道路改造二标段”（县住建局，编号ZJ2023-012），投标文件使用同一设备：MAC 3C-97-0E-11-22-33',
    );
  });

  it('keeps both bids and the shared device as evidence', async () => {
    const { rows } = await f.db.read<{ nodes: string[]; edges: string[] }>(
      "MATCH (a:Alert)-[:FLAGS {role: 'project'}]->(:Project {uid: $x}) RETURN a.evidenceNodes AS nodes, a.evidenceEdges AS edges",
      { x: L1 },
    );
    expect(rows[0]?.nodes).toEqual(
      expect.arrayContaining([
        C1,
        C2,
        L1,
        ZJJ,
        'Bid:TB-0101',
        'Bid:TB-0102',
        'Device:machineCode:9F3C21A07B5E44D1',
        'Device:ip:115.236.8.20',
      ]),
    );
    expect(rows[0]?.nodes).not.toContain('Device:mac:00-1A-2B-3C-4D-01');
    expect(rows[0]?.edges).toEqual(
      expect.arrayContaining([
        'Bid:TB-0101|USED_DEVICE|Device:machineCode:9F3C21A07B5E44D1',
        'Bid:TB-0102|USED_DEVICE|Device:machineCode:9F3C21A07B5E44D1',
      ]),
    );
  });

  it('narrows or widens with deviceKinds: machine code only, or IP too (never the public terminal)', async () => {
    expect(await preview(f, { deviceKinds: ['machineCode'] })).toEqual([pairOn(C1, C2, L1)]);
    expect(await preview(f, { deviceKinds: ['machineCode', 'mac', 'ip'] })).toEqual([
      pairOn(C1, C2, L1),
      pairOn(C3, C4, L2),
      pairOn(C7, C8, L4),
    ]);
  });

  it("passes over a terminal's MAC once the site lists it, however the list writes it", async () => {
    expect(await preview(f, { terminalMacs: ['3c:97:0e:11:22:33'] })).toEqual([pairOn(C1, C2, L1)]);
    expect(await preview(f, { terminalMacs: ['3C97.0E11.2233'] })).toEqual([pairOn(C1, C2, L1)]);
  });

  it('matches nothing uploaded from a listed terminal where the terminals are shared machines (terminalUploadsMatch off)', async () => {
    expect(await preview(f, { terminalUploadsMatch: false })).toEqual([pairOn(C1, C2, L1)]);
  });

  it('shows the terminal IP as corroboration once it is taken off terminalIps', async () => {
    const r = await runModel(f.db, f.model, { params: { terminalIps: [] }, preview: true });
    expect(r.drafts?.map((a) => a.summaryZh.slice(a.summaryZh.indexOf('：') + 1)).sort()).toEqual([
      'MAC 3C-97-0E-11-22-33；另有相同上传IP 59.202.36.18',
      '机器码 9F3C21A07B5E44D1；另有相同上传IP 115.236.8.20',
    ]);
  });
});
