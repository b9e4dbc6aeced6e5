// Two townships of one county, added to the shared seed (seed.ts) by the jurisdiction tests: the unit
// hierarchy (county → township A with a village, township B with a village), people and a company anchored
// in each, and alerts anchored in A, in B, and nowhere.
import type { Executor } from '../../../platform/db/executor.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';

const id = (first17: string) => first17 + idCheckChar(first17);

export const J = {
  county: 'Org:J-COUNTY',
  townA: 'Org:J-TOWN-A',
  villageA: 'Org:J-VILLAGE-A',
  townB: 'Org:J-TOWN-B',
  villageB: 'Org:J-VILLAGE-B',
  /** Village cadre in A. */
  cadreA: `Person:${id('33012219700101501')}`,
  /** Township official in B. */
  officialB: `Person:${id('33012219710202502')}`,
  /** Holds no post: anchored nowhere (a benefit recipient, say). */
  villager: `Person:${id('33012219800303603')}`,
  /** A company that B's township regulates. */
  companyB: 'Company:91330122MA2J0B0B0B',
};

const orgs = [
  { code: 'J-COUNTY', name: '测试县人民政府', kind: '党政机关' },
  { code: 'J-TOWN-A', name: '甲镇人民政府', kind: '党政机关', parent: J.county },
  { code: 'J-VILLAGE-A', name: '甲镇东村村民委员会', kind: '村委会', parent: J.townA },
  { code: 'J-TOWN-B', name: '乙镇人民政府', kind: '党政机关', parent: J.county },
  { code: 'J-VILLAGE-B', name: '乙镇西村村民委员会', kind: '村委会', parent: J.townB },
];
const persons = [
  { uid: J.cadreA, name: '甲村干' },
  { uid: J.officialB, name: '乙镇官' },
  { uid: J.villager, name: '丙村民' },
];

const MODEL = 'procurement.kin-wins-tender';
const alert = (fingerprint: string, severity: string, subjects: string[], extra: Record<string, unknown> = {}) => ({
  props: {
    uid: `Alert:${fingerprint}`,
    fingerprint,
    modelId: MODEL,
    modelRevision: 2,
    modelTitleZh: '亲属企业中标本单位项目',
    severity,
    state: 'new',
    summaryZh: `摘要 ${fingerprint}`,
    firstSeen: '2024-07-01T00:00:00Z',
    lastSeen: '2024-07-01T00:00:00Z',
    ...extra,
  },
  subjects,
});

/** In A: through the village cadre's post; and the township itself flagged (concluded, for 查实率). */
export const ALERTS_A = ['j-a-cadre', 'j-a-town'];
/** In B: through the official's post; through the company B regulates. */
export const ALERTS_B = ['j-b-official', 'j-b-company'];
/** Anchored nowhere: seen county-wide only. */
export const ALERTS_NOWHERE = ['j-none'];

const ALERTS = [
  // The villager is a subject here too: that brings them into A's jurisdiction.
  alert('j-a-cadre', 'high', [J.cadreA, J.villager], { amount: 50_000.0 }),
  alert('j-a-town', 'medium', [J.townA], { state: 'confirmed', outcome: 'confirmed', concludedAt: '2024-07-10T00:00:00Z' }),
  alert('j-b-official', 'critical', [J.officialB], { amount: 900_000.0 }),
  alert('j-b-company', 'high', [J.companyB]),
  alert('j-none', 'critical', [J.villager]),
];

export async function seedJurisdiction(ex: Executor): Promise<void> {
  await ex.writeTx([
    {
      cypher: "UNWIND $rows AS o CREATE (n:Org:Entity) SET n.code = o.code, n.name = o.name, n.kind = o.kind, n.uid = 'Org:' + o.code",
      params: { rows: orgs },
    },
    {
      cypher: 'UNWIND $rows AS o MATCH (c:Org {uid: o.uid}), (p:Org {uid: o.parent}) CREATE (c)-[:PART_OF]->(p)',
      params: { rows: orgs.filter((o) => o.parent).map((o) => ({ uid: `Org:${o.code}`, parent: o.parent })) },
    },
    {
      cypher: 'UNWIND $rows AS p CREATE (n:Person:Entity) SET n.uid = p.uid, n.idNo = substring(p.uid, 7), n.name = p.name',
      params: { rows: persons },
    },
    {
      cypher: "CREATE (n:Company:Entity {uid: $uid, uscc: substring($uid, 8), name: '乙镇建材有限公司'})",
      params: { uid: J.companyB },
    },
    {
      cypher: `MATCH (a:Person {uid: $cadreA}), (va:Org {uid: $villageA}), (b:Person {uid: $officialB}), (tb:Org {uid: $townB}),
                     (c:Company {uid: $companyB})
               CREATE (a)-[:HOLDS_POST {title: '村委会主任'}]->(va), (b)-[:HOLDS_POST {title: '副镇长'}]->(tb),
                      (tb)-[:REGULATES {ref: 'J-REG-1', basis: '检查'}]->(c)`,
      params: J,
    },
    {
      cypher: `UNWIND $rows AS a CREATE (n:Alert:Entity) SET n = a.props
               WITH n, a UNWIND a.subjects AS s MATCH (e:Entity {uid: s}) CREATE (n)-[:FLAGS {role: 'subject'}]->(e)`,
      params: { rows: ALERTS },
    },
  ]);
  await ex.autoCommit('CALL db.awaitIndexes(60)');
}
