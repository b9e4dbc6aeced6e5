// A small county in one parameterised write: an official (王志强) heads the transport bureau, his son's
// company won the bureau's tender; a few more staff so neighbour expansion can be truncated; one alert
// over the whole chain plus four more of lower severity for paging; a model run and a load run.
import type { Executor } from '../../../platform/db/executor.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';

const id = (first17: string) => first17 + idCheckChar(first17);

export const P = {
  official: id('33010219700312001'),
  wife: id('33010219720518002'),
  son: id('33010219950101003'),
  other: id('33010219800808004'),
};
export const ORG_CODE = '12330100MB1234567A';
export const USCC = '91330100MA2B3C4D5E';
export const STAFF = 7;

const prov = (row: number) => ({ _source: 'hr.roster', _file: 'roster.csv', _row: row, _run: 'load-1', _sources: ['hr.roster'] });
const mask = (idNo: string) => `${idNo.slice(0, 6)}********${idNo.slice(14)}`;

const persons = [
  { idNo: P.official, name: '王志强', gender: '男', ...prov(2) },
  { idNo: P.wife, name: '李娜', gender: '女', ...prov(3) },
  { idNo: P.son, name: '王小明', gender: '男', ...prov(4) },
  { idNo: P.other, name: '张伟', gender: '男', ...prov(5) },
  ...Array.from({ length: STAFF }, (_, i) => ({ idNo: id(`3301021990010110${i}`), name: `职员${i}`, ...prov(10 + i) })),
].map((p) => ({ ...p, idNoMasked: mask(p.idNo) }));

type Rel = { s: string; e: string; props?: Record<string, unknown> };
const person = (idNo: string) => `Person:${idNo}`;
const ORG = `Org:${ORG_CODE}`;
const COMPANY = `Company:${USCC}`;
const PROJECT = 'Project:PRJ-2023-001';

export const UIDS = {
  official: person(P.official),
  wife: person(P.wife),
  son: person(P.son),
  other: person(P.other),
  org: ORG,
  company: COMPANY,
  project: PROJECT,
};

const rels: Record<string, Rel[]> = {
  HOLDS_POST: [
    { s: person(P.official), e: ORG, props: { title: '局长', isLeader: true, from: '2018-01-01' } },
    ...persons.slice(4).map((p) => ({ s: person(p.idNo), e: ORG, props: { title: '科员' } })),
  ],
  KIN: [
    { s: person(P.official), e: person(P.wife), props: { relation: '配偶', source: 'marriage' } },
    { s: person(P.official), e: person(P.son), props: { relation: '子', source: 'household' } },
    // The loaders store kinship both ways.
    { s: person(P.son), e: person(P.official), props: { relation: '父', source: 'household' } },
  ],
  LEGAL_REP_OF: [{ s: person(P.son), e: COMPANY }],
  EXECUTIVE_OF: [{ s: person(P.son), e: COMPANY, props: { role: '执行董事' } }],
  TENDERED: [{ s: ORG, e: PROJECT }],
  WON: [{ s: COMPANY, e: PROJECT, props: { amount: 1_250_000.0, date: '2023-06-01' } }],
};

const EVIDENCE_EDGES = [
  `${person(P.official)}|HOLDS_POST|${ORG}`,
  `${person(P.official)}|KIN|${person(P.son)}`,
  `${person(P.son)}|LEGAL_REP_OF|${COMPANY}`,
  `${COMPANY}|WON|${PROJECT}`,
  `${ORG}|TENDERED|${PROJECT}`,
];

const alert = (fingerprint: string, severity: string, lastSeen: string, extra: Record<string, unknown> = {}) => ({
  uid: `Alert:${fingerprint}`,
  fingerprint,
  modelId: 'procurement.kin-wins-tender',
  modelRevision: 2,
  modelTitleZh: '亲属企业中标本单位项目',
  modelTitleEn: "A relative's company wins the unit's tender",
  severity,
  state: 'new',
  summaryZh: `摘要 ${fingerprint}`,
  summaryEn: `Summary ${fingerprint}`,
  firstSeen: '2024-01-01T00:00:00Z',
  lastSeen,
  evidenceNodes: [] as string[],
  evidenceEdges: [] as string[],
  ...extra,
});

export const ALERTS = [
  alert('fp-main', 'critical', '2024-05-01T00:00:00Z', {
    amount: 1_250_000.0,
    evidenceNodes: [person(P.official), person(P.son), ORG, COMPANY, PROJECT],
    evidenceEdges: [...EVIDENCE_EDGES, 'malformed-key'],
  }),
  alert('fp-h1', 'high', '2024-04-01T00:00:00Z'),
  alert('fp-h2', 'high', '2024-04-01T00:00:00Z'),
  alert('fp-h0', 'high', '2024-03-01T00:00:00Z'),
  alert('fp-m', 'medium', '2024-06-01T00:00:00Z', { modelId: 'welfare.dead-recipient', state: 'dismissed' }),
  // The model's last run no longer found it: listed only on request.
  alert('fp-gone', 'critical', '2024-02-01T00:00:00Z', { gone: true, goneAt: '2024-05-01T00:00:00Z' }),
];
/** Expected order: severity, then lastSeen newest first, then fingerprint. */
export const ALERT_ORDER = ['fp-main', 'fp-h1', 'fp-h2', 'fp-h0', 'fp-m'];

export async function seed(ex: Executor): Promise<void> {
  // Labels and types below are the test's own constants, never input.
  const statements = [
    { cypher: "UNWIND $rows AS p CREATE (n:Person:Entity) SET n = p, n.uid = 'Person:' + p.idNo", params: { rows: persons } },
    {
      cypher: "CREATE (n:Org:Entity) SET n = $props, n.uid = 'Org:' + $props.code",
      params: { props: { code: ORG_CODE, name: '某县交通运输局', kind: '行政机关', ...prov(1) } },
    },
    {
      cypher: "CREATE (n:Company:Entity) SET n = $props, n.uid = 'Company:' + $props.uscc",
      params: { props: { uscc: USCC, name: '杭州志远建设有限公司', status: '存续' } },
    },
    {
      cypher: "CREATE (n:Project:Entity) SET n = $props, n.uid = 'Project:' + $props.code",
      params: { props: { code: 'PRJ-2023-001', name: '城东道路改造工程', budget: 1_300_000.0 } },
    },
    ...Object.entries(rels).map(([type, rows]) => ({
      cypher: `UNWIND $rows AS r MATCH (a:Entity {uid: r.s}), (b:Entity {uid: r.e}) CREATE (a)-[x:${type}]->(b) SET x = coalesce(r.props, {})`,
      params: { rows },
    })),
    { cypher: 'UNWIND $rows AS a CREATE (n:Alert:Entity) SET n = a', params: { rows: ALERTS } },
    {
      cypher: `MATCH (a:Alert {uid: 'Alert:fp-main'}), (o:Entity {uid: $official}), (c:Entity {uid: $company})
               CREATE (a)-[:FLAGS {role: 'official'}]->(o), (a)-[:FLAGS {role: 'company'}]->(c)`,
      params: { official: person(P.official), company: COMPANY },
    },
    {
      cypher: "MATCH (a:Alert) WHERE a.fingerprint <> 'fp-main' MATCH (o:Entity {uid: $other}) CREATE (a)-[:FLAGS {role: 'subject'}]->(o)",
      params: { other: person(P.other) },
    },
    {
      cypher: 'CREATE (:ModelRun $old), (:ModelRun $new)',
      params: {
        old: {
          id: 'run-1',
          modelId: 'procurement.kin-wins-tender',
          modelRevision: 1,
          startedAt: '2024-04-01T00:00:00Z',
          durationMs: 900,
          rows: 3,
          alertsNew: 3,
          alertsKept: 0,
          alertsGone: 0,
        },
        new: {
          id: 'run-2',
          modelId: 'procurement.kin-wins-tender',
          modelRevision: 2,
          startedAt: '2024-05-01T00:00:00Z',
          durationMs: 1200,
          rows: 4,
          alertsNew: 1,
          alertsKept: 3,
          alertsGone: 0,
        },
      },
    },
    {
      cypher: 'CREATE (:LoadRun $r)',
      params: {
        r: {
          id: 'load-1',
          source: 'hr.roster',
          file: 'roster.csv',
          fileHash: 'sha256:abc',
          startedAt: '2024-01-01T00:00:00Z',
          durationMs: 40,
          rowsRead: 12,
          rowsLoaded: 11,
          rowsRejected: 1,
          duplicatesSkipped: 0,
        },
      },
    },
  ];
  await ex.writeTx(statements);
  // The full-text index (created by the schema step) must have caught up before search is asked.
  await ex.autoCommit('CALL db.awaitIndexes(60)');
}
