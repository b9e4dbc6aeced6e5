// M27 on a hand-made tender platform: bidders of one lot giving one contact phone, naming one project manager
// (by ID number), or both; and the near misses: an 代理记账 office's phone on bids for different lots, two
// managers with the same common name but different ID numbers.
import { describe, expect, it } from 'vitest';
import { alertOn, alerts, modelFixture, run } from '../../../support/model-fixture.js';
import { County, lotPair } from './county.js';

const g = new County();
const JYJ = g.unit('11330122004000001', '县教育局');
const [L1, L2, L3, L4, L5, L6] = g.lots(JYJ, 'JY2023-04', [
  '城东小学操场改造',
  '实验中学宿舍楼维修',
  '幼儿园新建工程',
  '校园安防改造',
  '食堂改造',
  '教学楼外墙维修',
]);
const [C1, C2, C3, C4, C5, C6, C7, C8] = g.companies('91330122MA2D0000', [
  '育才建设有限公司',
  '书香装饰工程有限公司',
  '启明建筑有限公司',
  '博雅市政有限公司',
  '弘文劳务有限公司',
  '文昌建设有限公司',
  '致远工程有限公司',
  '德馨建筑有限公司',
]);
const contact = (bid: string, number: string) => g.rel(bid, 'CONTACT', g.node('Phone', number, { number }));
const manager = (bid: string, idNo: string, name: string) => g.rel(bid, 'PROJECT_MANAGER', g.node('Person', idNo, { name }));
/** A bid with its own contact phone and manager, as every bid file has. */
const bid = (company: string, lot: string, code: string, phone: string, mgr: [string, string]) => {
  const b = g.bid(company, lot, code);
  contact(b, phone);
  manager(b, ...mgr);
  return b;
};

// planted: one contact phone on both bids
bid(C1, L1, 'TB-2101', '13805710001', ['330122198001010011', '张伟']);
bid(C2, L1, 'TB-2102', '13805710001', ['330122198102020022', '刘洋']);
// planted: one registered project manager (by ID) on both bids
bid(C3, L2, 'TB-2201', '13805710003', ['330122197903030033', '李明']);
bid(C4, L2, 'TB-2202', '13805710004', ['330122197903030033', '李明']);
// planted: the same phone and the same manager
bid(C5, L3, 'TB-2301', '13805710005', ['330122198204040044', '陈杰']);
bid(C6, L3, 'TB-2302', '13805710005', ['330122198204040044', '陈杰']);
// near miss: an 代理记账 office's phone written into two firms' files, for different lots
bid(C7, L4, 'TB-2401', '057188880000', ['330122198305050055', '赵勇']);
bid(C8, L5, 'TB-2501', '057188880000', ['330122198406060066', '孙磊']);
// near miss: two managers named 王伟 with different ID numbers
bid(C7, L6, 'TB-2601', '13805710007', ['330122198507070077', '王伟']);
bid(C8, L6, 'TB-2602', '13805710008', ['330122199008080088', '王伟']);

const f = modelFixture('procurement.shared-contact-on-lot', g.nodes, g.rels);
const pairOn = lotPair(JYJ);

describe('M27 bidders of one lot sharing a contact phone or project manager', () => {
  it('raises one alert per planted pair and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(3);
    expect(await alerts(f)).toEqual([pairOn(C1, C2, L1), pairOn(C3, C4, L2), pairOn(C5, C6, L3)]);
  });

  it('says what the bids share: the phone, the manager, or both', async () => {
    const tail = async (lot: string) => {
      const zh = (await alertOn(f, 'project', lot)).zh;
      return zh.slice(zh.indexOf('两份投标文件'));
    };
    expect(await tail(L1)).toBe('两份投标文件联系电话均为13805710001');
    expect(await tail(L2)).toBe('两份投标文件项目负责人均为李明');
    expect(await tail(L3)).toBe('两份投标文件联系电话均为13805710005，且项目负责人均为陈杰');
    expect((await alertOn(f, 'project', L2)).zh).toBe(
      '启明建筑有限公司与博雅市政有限公司投标同一标段“实验中学宿舍楼维修”（县教育局，编号JY2023-042），两份投标文件项目负责人均为李明',
    );
  });

  it("keeps the shared manager, not the bidders' other identifiers, as evidence", async () => {
    const { rows } = await f.db.read<{ nodes: string[] }>(
      "MATCH (a:Alert)-[:FLAGS {role: 'project'}]->(:Project {uid: $x}) RETURN a.evidenceNodes AS nodes",
      { x: L2 },
    );
    expect(rows[0]?.nodes).toEqual(expect.arrayContaining(['Bid:TB-2201', 'Bid:TB-2202', 'Person:330122197903030033', C3, C4]));
    expect(rows[0]?.nodes).not.toContain('Phone:13805710003');
  });
});
