// M40 on a hand-made inspection ledger (regulation.yaml: one INSPECTED per record): an inspector who made
// five of his eight checks at one site and passed it every time while the others found faults; the near misses:
// an inspector on 驻点 duty at a firm everyone passes, an inspector whose firm others inspected only once,
// an inspector whose visits to the firm are a small part of a heavy workload.
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, canon, modelFixture, preview, run } from '../../../support/model-fixture.js';
import { County, d } from './county.js';

const g = new County();
const ZJJ = g.unit('11330122011000001', '县住建局');
let ref = 0;
const inspector = (idNo: string, name: string) => g.node('Person', idNo, { name });
/** `k` checks by `who` at `company`, each with `result`, one record (文书号) each, as regulation.yaml writes them. */
const checks = (who: string, company: string, k: number, result: string) => {
  for (let i = 0; i < k; i++) {
    ref++;
    g.rel(who, 'INSPECTED', company, {
      ref: `JC2023-${String(ref).padStart(4, '0')}`,
      kind: '检查',
      date: d(`2023-${String((ref % 12) + 1).padStart(2, '0')}-10`),
      result,
    });
    g.rel(ZJJ, 'REGULATES', company, { ref: `JC2023-${String(ref).padStart(4, '0')}`, basis: '检查', from: d('2023-01-10'), result });
  }
};
const [C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, C11] = g.companies('91330122MA2L0000', [
  '宏远建设有限公司',
  '华厦建筑有限公司',
  '金宇工程有限公司',
  '鑫达市政有限公司',
  '驻点商砼有限公司',
  '恒基建设有限公司',
  '永安建筑有限公司',
  '东方建设有限公司',
  '南方建工有限公司',
  '西部路桥有限公司',
  '北辰建筑有限公司',
]);
const [I1, I2, I3, I4, I5, I6, I7, I8] = [
  inspector('330122198101010011', '马涛'),
  inspector('330122198202020022', '许宁'),
  inspector('330122198303030033', '邓峰'),
  inspector('330122198404040044', '韩冰'),
  inspector('330122198505050055', '曹阳'),
  inspector('330122198606060066', '袁亮'),
  inspector('330122198707070077', '蒋敏'),
  inspector('330122198808080088', '沈洁'),
];

// planted: 马涛 passes C1 five times out of five (5 of his 8 checks); others passed it once in four
checks(I1, C1, 5, '合格');
for (const c of [C2, C3, C4]) checks(I1, c, 1, '责令整改');
checks(I2, C1, 2, '责令整改');
checks(I3, C1, 1, '合格');
checks(I3, C1, 1, '责令整改');
// near miss: 韩冰 on 驻点 duty at a firm everyone passes
checks(I4, C5, 6, '合格');
checks(I7, C5, 2, '合格');
checks(I8, C5, 2, '合格');
// near miss by default: 曹阳 passes C6 four times, but only one other check of C6 to compare with
checks(I5, C6, 4, '合格');
checks(I5, C2, 1, '责令整改');
checks(I7, C6, 1, '责令整改');
// near miss by default: 袁亮 passes C7 four times, a fifth of his twenty checks
checks(I6, C7, 4, '合格');
for (const c of [C8, C9, C10, C11]) checks(I6, c, 4, '责令整改');
checks(I8, C7, 3, '责令整改');

const f = modelFixture('procurement.inspector-intimacy', g.nodes, g.rels);

describe('M40 inspector concentrating on, and lenient with, one company', () => {
  it('raises the planted inspector and none of the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(1);
    expect(await alerts(f)).toEqual([{ inspector: I1, company: C1 }]);
  });

  it('gives the intimacy and the deviation in the summary', async () => {
    expect((await alertOn(f, 'inspector', I1)).zh).toBe(
      '马涛共检查8次，其中5次检查宏远建设有限公司（占62.50%），5次结论为宽松（合格）；其他人员检查该企业4次，仅1次宽松，比值比25.67',
    );
  });

  it('moves with inspMinOthers, inspMinShare and lenientResults', async () => {
    expect(await preview(f, { inspMinOthers: 1 })).toEqual(
      canon([
        { inspector: I1, company: C1 },
        { inspector: I5, company: C6 },
      ]),
    );
    expect(await preview(f, { inspMinShare: 0.15 })).toEqual(
      canon([
        { inspector: I1, company: C1 },
        { inspector: I6, company: C7 },
      ]),
    );
    // counting 责令整改 as lenient too, every result is lenient and no one deviates
    expect(await preview(f, { lenientResults: ['合格', '责令整改'] })).toEqual([]);
  });
});
