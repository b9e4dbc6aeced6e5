// The shared-address-or-contact model on a hand-made tender platform: bidders of one lot registered at one
// address, in one building (other rooms), or giving one phone, fax, e-mail or website; and the near misses:
// one province or city only, one street but other numbers, one phone on bids for different lots.
import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../../../loaders/core/normalise/address.js';
import { alertOn, alerts, modelFixture, run } from '../../../support/model-fixture.js';
import { County, lotPair } from './county.js';

const g = new County();
const FGJ = g.unit('11330122004000002', '县发改局');
const [L1, L2, L3, L4, L5, L6, L7] = g.lots(FGJ, 'FG2024-01', [
  '道路改造',
  '污水管网',
  '路灯安装',
  '绿化养护',
  '河道清淤',
  '农房改造',
  '桥梁维修',
]);
const C = g.companies('91330122MA2E0000', [
  '甲建设',
  '乙建设',
  '丙工程',
  '丁工程',
  '戊市政',
  '己市政',
  '庚劳务',
  '辛劳务',
  '壬园林',
  '癸园林',
  '子水利',
  '丑水利',
  '寅路桥',
  '卯路桥',
]);
const at = (holder: string, text: string) => {
  const a = parseAddress(text)!;
  const { full, ...props } = a;
  g.rel(holder, 'LOCATED_AT', g.node('Address', full, props), { kind: '住所' });
};
const contact = (holder: string, label: 'Phone' | 'Email' | 'Website', value: string, kind: string) => {
  const prop = { Phone: 'number', Email: 'address', Website: 'url' }[label];
  g.rel(holder, 'HAS_CONTACT', g.node(label, value, { [prop]: value }), { kind });
};

// planted L1: one full address
g.bid(C[0]!, L1!, 'B-101');
g.bid(C[1]!, L1!, 'B-102');
at(C[0]!, '浙江省杭州市西湖区文三路88号501室');
at(C[1]!, '浙江省杭州市西湖区文三路88号501室');
// planted L2: one building, other rooms and one written without its province
g.bid(C[2]!, L2!, 'B-201');
g.bid(C[3]!, L2!, 'B-202');
at(C[2]!, '浙江省杭州市西湖区文二路12号301室');
at(C[3]!, '杭州市文二路12号302室');
// planted L3: one fax (on the bids) and one e-mail and website (on the companies)
const b301 = g.bid(C[4]!, L3!, 'B-301');
const b302 = g.bid(C[5]!, L3!, 'B-302');
contact(b301, 'Phone', '+8657188881111', 'fax');
contact(b302, 'Phone', '+8657188881111', 'fax');
contact(C[4]!, 'Email', 'bids@example.com', 'email');
contact(C[5]!, 'Email', 'bids@example.com', 'email');
// planted L4: one phone, one as phone and one as fax
const b401 = g.bid(C[6]!, L4!, 'B-401');
const b402 = g.bid(C[7]!, L4!, 'B-402');
contact(b401, 'Phone', '+8613805719999', 'phone');
contact(b402, 'Phone', '+8613805719999', 'phone');
contact(C[8]!, 'Website', 'jia-yuanlin.cn', 'url');
// near miss L5: one city only, one province only
g.bid(C[8]!, L5!, 'B-501');
g.bid(C[9]!, L5!, 'B-502');
g.bid(C[10]!, L5!, 'B-503');
at(C[8]!, '浙江省杭州市');
at(C[9]!, '浙江省杭州市');
at(C[10]!, '浙江省');
// near miss L6: one street, other numbers
g.bid(C[11]!, L6!, 'B-601');
g.bid(C[12]!, L6!, 'B-602');
at(C[11]!, '杭州市余杭区文一西路100号');
at(C[12]!, '杭州市余杭区文一西路102号');
// near miss: one phone on bids for different lots (L6 and L7), and a lot with one bidder
contact(g.bid(C[13]!, L7!, 'B-701'), 'Phone', '+8657100000000', 'phone');
contact(g.bid(C[11]!, L7!, 'B-702'), 'Phone', '+8657100000001', 'phone');
contact(C[12]!, 'Phone', '+8657100000000', 'phone');

const f = modelFixture('procurement.shared-address-or-contact-on-lot', g.nodes, g.rels);
const pairOn = lotPair(FGJ);

describe('bidders of one lot sharing an address or a contact point', () => {
  it('raises one alert per planted pair and none for the near misses', async () => {
    const r = await run(f);
    expect(r.alertsNew).toBe(4);
    expect(await alerts(f)).toEqual([
      pairOn(C[0]!, C[1]!, L1!),
      pairOn(C[2]!, C[3]!, L2!),
      pairOn(C[4]!, C[5]!, L3!),
      pairOn(C[6]!, C[7]!, L4!),
    ]);
  });

  it('says what the bidders share', async () => {
    const tail = async (lot: string) => {
      const zh = (await alertOn(f, 'project', lot)).zh;
      return zh.slice(zh.indexOf('），') + 2);
    };
    expect(await tail(L1!)).toBe('住所相同（浙江省杭州市西湖区文三路88号501室）');
    expect(await tail(L2!)).toBe('门牌地址相同（杭州市文二路12号）');
    expect(await tail(L3!)).toBe('传真相同（+8657188881111），电子邮箱相同（bids@example.com）');
    expect((await alertOn(f, 'project', L4!)).en).toBe(
      '庚劳务 and 辛劳务 bid on the same lot "绿化养护" (县发改局, FG2024-014) and share the phone +8613805719999',
    );
  });
});
