// Procurement releases in the open-contracting shape (OCDS 1.0: tender.tenderers as full organisations with
// identifier, address and contactPoint), one release per line as a user's own script writes them, loaded
// through a mapping the user writes in a folder of their own. The array of tenderers is expanded into one
// row per bidder, nested fields are read by their paths, the address is joined from its parts. Then the
// shared-address-or-contact model flags the tenderers of one lot that share an address or a contact point,
// and no other pair. A second source checks that vouchers keep payments apart.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadFiles, type LoadReport } from '../../../loaders/index.js';
import { regNoCheckDigit } from '../../../platform/identifiers/schemes.js';
import { loadLibrary } from '../../../server/models/library.js';
import { alerts, canon, run, type ModelFixture } from '../../support/model-fixture.js';
import { freshGraph } from '../../support/db.js';
import { id, uscc } from './fixtures.js';

const OCDS = `# yaml-language-server: $schema=/srv/huiyan/schemas/mapping.schema.json
id: site-ocds-tenderers
title: { zh: 开放合同数据投标人, en: OCDS releases (one row per tenderer) }
order: 60
match: { files: ['releases*.jsonl'] }
format: { type: jsonl, expand: tender.tenderers }
columns:
  lot: { headers: [tender.id], normalise: code, required: true }
  lotTitle: { headers: [tender.title] }
  buyerCode: { headers: [buyer.identifier.id], normalise: code, required: true }
  buyerName: { headers: [buyer.name] }
  idScheme: { headers: [tender.tenderers.identifier.scheme], normalise: code, required: true }
  tenderer:
    headers: [tender.tenderers.identifier.id]
    required: true
    normalise:
      type: switch
      on: idScheme
      cases: { CN-USCC: { type: identifier, scheme: cn-uscc, yields: value }, CN-SAIC: { type: identifier, scheme: cn-regno, yields: value } }
  tendererKey:
    headers: [tender.tenderers.identifier.id]
    normalise: { type: switch, on: idScheme, cases: { CN-USCC: { type: identifier, scheme: cn-uscc }, CN-SAIC: { type: identifier, scheme: cn-regno } } }
  tendererScheme: { headers: [tender.tenderers.identifier.scheme], normalise: { type: enum, values: { CN-USCC: cn-uscc, CN-SAIC: cn-regno } } }
  tendererName: { headers: [tender.tenderers.name] }
  formerName: { headers: [tender.tenderers.additionalNames] }
  street: { headers: [tender.tenderers.address.streetAddress] }
  locality: { headers: [tender.tenderers.address.locality] }
  region: { headers: [tender.tenderers.address.region] }
  country: { headers: [tender.tenderers.address.countryName] }
  addr: { join: [country, region, locality, street], normalise: address }
  addrStreet: { join: [country, region, locality, street], normalise: { type: address, part: streetKey } }
  addrCity: { join: [country, region, locality, street], normalise: { type: address, part: city } }
  phone: { headers: [tender.tenderers.contactPoint.telephone], normalise: e164 }
  fax: { headers: [tender.tenderers.contactPoint.faxNumber], normalise: e164 }
  email: { headers: [tender.tenderers.contactPoint.email], normalise: email }
  web: { headers: [tender.tenderers.contactPoint.url], normalise: url }
nodes:
  unit: { label: Org, key: buyerCode, mode: fill, props: { name: buyerName } }
  lot: { label: Project, key: lot, props: { name: lotTitle } }
  company: { label: { byShape: { cn-uscc: Company, cn-regno: Company } }, key: tenderer, props: { name: tendererName, aliases: formerName } }
  ident: { label: Identifier, key: tendererKey, props: { scheme: tendererScheme, value: tenderer } }
  bid: { label: Bid, key: [lot, tenderer] }
  address: { label: Address, key: addr, props: { streetKey: addrStreet, city: addrCity } }
  phone: { label: Phone, key: phone }
  fax: { label: Phone, key: fax }
  email: { label: Email, key: email }
  web: { label: Website, key: web }
relationships:
  - { type: TENDERED, from: unit, to: lot }
  - { type: SUBMITTED, from: company, to: bid }
  - { type: FOR, from: bid, to: lot }
  - { type: HAS_ID, from: company, to: ident }
  - { type: LOCATED_AT, from: company, to: address, props: { kind: { value: 联系地址 } } }
  - { type: HAS_CONTACT, from: company, to: phone, identity: [kind], props: { kind: { value: phone } } }
  - { type: HAS_CONTACT, from: company, to: fax, identity: [kind], props: { kind: { value: fax } } }
  - { type: HAS_CONTACT, from: company, to: email, identity: [kind], props: { kind: { value: email } } }
  - { type: HAS_CONTACT, from: company, to: web, identity: [kind], props: { kind: { value: url } } }
`;

// Payments keyed by voucher: one person paid twice in one month by one programme stays two payments.
const VOUCHERS = `id: site-vouchers
title: { zh: 补贴发放凭证, en: Benefit payments by voucher }
order: 37
match: { files: ['vouchers*.csv'] }
format: { type: csv, encoding: utf-8 }
columns:
  idNo: { headers: [citizen_id], normalise: idNo, required: true }
  scheme: { headers: [scheme_code], normalise: code, required: true }
  month: { headers: [month], normalise: periodStart, required: true }
  voucher: { headers: [voucher_no], normalise: code, required: true }
  amount: { headers: [amount], normalise: amount }
nodes:
  person: { label: Person, key: idNo, mode: fill }
  program: { label: Program, key: scheme }
relationships:
  - { type: RECEIVED, from: person, to: program, identity: [docNo], props: { docNo: voucher, periodFrom: month, amount: amount } }
`;

const co = (n: number) => uscc(`91330106MA2H${String(n).padStart(5, '0')}`);
const REGNO = `33010600012345${regNoCheckDigit('33010600012345')}`;
const BUYER = { name: '县发改局', identifier: { scheme: 'CN-USCC', id: '11330122004000002' } };
type Org = { id: string; name: string; address?: Record<string, string>; contactPoint?: Record<string, string>; additionalNames?: string };
const org = (o: Org) => ({
  name: o.name,
  identifier: { scheme: o.id.length === 15 ? 'CN-SAIC' : 'CN-USCC', id: o.id },
  ...(o.additionalNames ? { additionalNames: o.additionalNames } : {}),
  address: { countryName: '中国', ...o.address },
  contactPoint: o.contactPoint ?? {},
});
const release = (lot: string, title: string, tenderers: Org[]) =>
  JSON.stringify({
    ocid: `ocds-hy01-${lot}`,
    id: `${lot}-tender`,
    date: '2024-03-01T00:00:00Z',
    buyer: BUYER,
    tender: { id: lot, title, tenderers: tenderers.map(org) },
  });
const hz = (street: string) => ({ region: '浙江省', locality: '杭州市', streetAddress: street });

const RELEASES = [
  // one full address, written two ways
  release('FG-01', '道路改造', [
    { id: co(1), name: '甲建设', address: hz('西湖区文三路88号501室') },
    { id: co(2), name: '乙建设', address: { region: '浙江', locality: '杭州市', streetAddress: '西湖区 文三路 88号 501室' } },
  ]),
  // one building, other rooms (one firm registered before 2015: keyed by its 注册号)
  release('FG-02', '污水管网', [
    { id: co(3), name: '丙工程', address: hz('西湖区文二路12号301室') },
    { id: REGNO, name: '丁工程', additionalNames: '丁建筑工程队', address: hz('文二路12号302室') },
  ]),
  // one phone written locally and internationally; a third bidder with nothing shared
  release('FG-03', '路灯安装', [
    { id: co(5), name: '戊市政', address: hz('滨江区江南大道1号'), contactPoint: { telephone: '0571-8888 1111' } },
    { id: co(6), name: '己市政', address: hz('滨江区江南大道2号'), contactPoint: { telephone: '+86 571 88881111' } },
    { id: co(7), name: '庚劳务', address: hz('滨江区江南大道3号'), contactPoint: { telephone: '0571-8888 2222' } },
  ]),
  // one mailbox in other case
  release('FG-04', '绿化养护', [
    { id: co(8), name: '辛园林', contactPoint: { email: 'Bids@Example.com' } },
    { id: co(9), name: '壬园林', contactPoint: { email: 'bids@example.com' } },
  ]),
  // one fax; one website with and without https://www.
  release('FG-05', '河道清淤', [
    { id: co(10), name: '癸水利', contactPoint: { faxNumber: '0571-86660000', url: 'https://www.gui-sl.cn/' } },
    { id: co(11), name: '子水利', contactPoint: { faxNumber: '(0571) 8666 0000' } },
    { id: co(12), name: '丑水利', contactPoint: { url: 'gui-sl.cn' } },
  ]),
  // near misses: one country only, one city only (no street)
  release('FG-06', '农房改造', [
    { id: co(13), name: '寅路桥', address: hz('余杭区文一西路100号') },
    { id: co(14), name: '卯路桥', address: { region: '江苏省', locality: '南京市', streetAddress: '中山路2号' } },
    { id: co(15), name: '辰路桥', address: { region: '浙江省', locality: '杭州市' } },
    { id: co(16), name: '巳路桥', address: { region: '浙江省', locality: '杭州市' } },
  ]),
  // near miss: one phone and one address on different lots
  release('FG-07', '桥梁维修', [
    { id: co(17), name: '午建设', address: hz('拱墅区莫干山路5号'), contactPoint: { telephone: '13805710007' } },
    { id: co(18), name: '未建设', address: hz('拱墅区莫干山路6号') },
  ]),
  release('FG-08', '隧道维修', [
    { id: co(19), name: '申建设', address: hz('拱墅区莫干山路5号'), contactPoint: { telephone: '138 0571 0007' } },
    { id: co(20), name: '酉建设', address: hz('拱墅区莫干山路8号') },
  ]),
];

const PAYEE = id('33012219500101001');

let db: Executor;
let report: LoadReport;
let f: ModelFixture;

function write(dir: string, name: string, text: string) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), text);
}

beforeAll(async () => {
  db = await freshGraph();
  const work = mkdtempSync(path.join(tmpdir(), 'huiyan-ocds-'));
  const maps = path.join(work, 'mappings');
  write(maps, 'site-ocds-tenderers.yaml', OCDS);
  write(maps, 'site-vouchers.yaml', VOUCHERS);
  const data = path.join(work, 'data');
  write(data, 'releases-2024.jsonl', RELEASES.join('\n') + '\n');
  write(
    data,
    'vouchers-2024.csv',
    ['citizen_id,scheme_code,month,voucher_no,amount', `${PAYEE},GLBT,2024-01,PZ-0001,200`, `${PAYEE},GLBT,2024-01,PZ-0002,200`].join('\n'),
  );
  report = await loadFiles(db, [data], { rejectsDir: path.join(work, 'rejects'), extraMappingsDirs: [maps] });
  f = { db, model: loadLibrary().get('procurement.shared-address-or-contact-on-lot')! };
});
afterAll(async () => {
  await db?.close();
});

const C = (n: number) => `Company:${co(n)}`;
const pair = (a: string, b: string, lot: string) => ({ company: a, company2: b, project: `Project:${lot}`, unit: 'Org:11330122004000002' });

describe('OCDS releases through a user-written mapping', () => {
  it('load one row per tenderer, with nothing rejected', () => {
    expect(report.skipped).toEqual([]);
    expect(report.files.map((x) => [x.source, x.rowsRead, x.rowsLoaded, x.rowsRejected])).toEqual([
      ['site-vouchers', 2, 2, 0],
      ['site-ocds-tenderers', 20, 20, 0],
    ]);
    expect(report.files.every((x) => x.reconciles)).toBe(true);
  });

  it('key each bid by lot and tenderer, and keep the old 注册号 as an identifier with its scheme', async () => {
    const { rows } = await db.read<{ bid: string; co: string; ids: string[]; aliases: string | null }>(
      `MATCH (c:Company {uscc: $regno})-[:SUBMITTED]->(b:Bid) OPTIONAL MATCH (c)-[:HAS_ID]->(i:Identifier)
       RETURN b.uid AS bid, c.name AS co, collect(i.scheme + ' ' + i.value) AS ids, c.aliases AS aliases`,
      { regno: REGNO },
    );
    expect(rows).toEqual([{ bid: `Bid:FG-02 | ${REGNO}`, co: '丁工程', ids: [`cn-regno ${REGNO}`], aliases: '丁建筑工程队' }]);
  });

  it('store one phone node for the same number written locally and internationally', async () => {
    const { rows } = await db.read<{ n: string; holders: string[] }>(
      `MATCH (p:Phone)<-[:HAS_CONTACT]-(c:Company) WITH p, c ORDER BY c.name RETURN p.number AS n, collect(c.name) AS holders ORDER BY n`,
    );
    expect(rows).toContainEqual({ n: '+8657188881111', holders: ['己市政', '戊市政'] });
    expect(rows).toContainEqual({ n: '+8657186660000', holders: ['子水利', '癸水利'] });
  });

  it('flag the tenderers of one lot sharing an address or a contact, and no other pair', async () => {
    await run(f);
    expect(await alerts(f)).toEqual(
      canon([
        pair(C(1), C(2), 'FG-01'),
        pair(`Company:${REGNO}`, C(3), 'FG-02'),
        pair(C(5), C(6), 'FG-03'),
        pair(C(8), C(9), 'FG-04'),
        pair(C(10), C(11), 'FG-05'),
        pair(C(10), C(12), 'FG-05'),
      ]),
    );
  });
});

describe('vouchers as relationship identity', () => {
  it('keep two payments to one payee in one month apart', async () => {
    const { rows } = await db.read<{ doc: string }>(
      'MATCH (:Person {idNo: $p})-[r:RECEIVED]->(:Program {code: "GLBT"}) RETURN r.docNo AS doc ORDER BY doc',
      { p: PAYEE },
    );
    expect(rows).toEqual([{ doc: 'PZ-0001' }, { doc: 'PZ-0002' }]);
  });
});
