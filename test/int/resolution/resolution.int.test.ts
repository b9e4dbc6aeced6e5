// Entity resolution end to end on a real Neo4j: three records of one person from three sources (a
// residents' register, a staff roster with a transposed ID number, an applicants' list whose ID fails its
// check character) loaded through the real loader with a site's mappings; candidates proposed over the
// API; accept merges into one person with every record's provenance kept; undo restores all three; a
// person of the same name born on another day is never proposed.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../platform/db/executor.js';
import { loadFiles, type LoadReport } from '../../../loaders/index.js';
import { applyAccessSchema } from '../../../server/access/store-schema.js';
import { freshGraph } from '../../support/db.js';
import { badId, id, uscc } from '../loaders/fixtures.js';
import { harnessOn, type Harness, type Loose } from '../graphql/harness.js';

const A = id('33012219800101001');
// Neighbours 16 and 17 swapped: a valid number of its own, so the roster made a second person.
const B = id('33012219800101010');
// A's number with a wrong check character: refused by the loader, held for resolution.
const BAD = badId('33012219800101001');
const NEAR_MISS = id('33012219800102001');
const REP = id('33012219700505005');
const CO_1 = uscc('91330122MA2A00001');
const CO_2 = uscc('91330122MA2B00002');
const CO_OTHER = uscc('91330122MA2C00003');

const MAPPINGS: Record<string, string> = {
  'site-residents.yaml': `id: site-residents
title: { zh: 居民登记, en: Residents }
order: 10
match: { files: ['residents*.csv'], headers: [idNo, fullName, hh] }
format: { type: csv, encoding: utf-8 }
columns:
  idNo: { headers: [citizen_id], normalise: idNo, required: true }
  fullName: { headers: [full_name], required: true }
  dob: { headers: [date_of_birth], normalise: date }
  hh: { headers: [household], normalise: code, required: true }
  address: { headers: [address] }
nodes:
  person: { label: Person, key: idNo, props: { name: fullName, birthDate: dob, address: address } }
  household: { label: Household, key: hh, props: {} }
relationships:
  - { type: MEMBER_OF, from: person, to: household }
`,
  'site-staff.yaml': `id: site-staff
title: { zh: 职工名册, en: Staff roster }
order: 20
match: { files: ['staff*.csv'], headers: [idNo, fullName, unit] }
format: { type: csv, encoding: utf-8 }
columns:
  idNo: { headers: [citizen_id], normalise: idNo, required: true }
  fullName: { headers: [full_name], required: true }
  unit: { headers: [unit_code], normalise: code, required: true }
  unitName: { headers: [unit_name] }
  title: { headers: [post] }
nodes:
  person: { label: Person, key: idNo, props: { name: fullName } }
  org: { label: Org, key: unit, props: { name: unitName } }
relationships:
  - { type: HOLDS_POST, from: person, to: org, props: { title: title } }
`,
  'site-applicants.yaml': `id: site-applicants
title: { zh: 救助申请, en: Relief applicants }
order: 30
match: { files: ['applicants*.csv'], headers: [idNo, fullName, hh] }
format: { type: csv, encoding: utf-8 }
columns:
  idNo: { headers: [citizen_id], normalise: idNo, required: true }
  fullName: { headers: [full_name], required: true }
  hh: { headers: [household], normalise: code, required: true }
nodes:
  person: { label: Person, key: idNo, props: { name: fullName } }
  household: { label: Household, key: hh, props: {} }
relationships:
  - { type: MEMBER_OF, from: person, to: household }
`,
  'site-companies.yaml': `id: site-companies
title: { zh: 企业名录, en: Companies }
order: 40
match: { files: ['companies*.csv'], headers: [uscc, name] }
format: { type: csv, encoding: utf-8 }
columns:
  uscc: { headers: [credit_code], normalise: uscc, required: true }
  name: { headers: [company_name], required: true }
  repName: { headers: [legal_rep] }
  repId: { headers: [legal_rep_id], normalise: idNo }
nodes:
  company: { label: Company, key: uscc, props: { name: name } }
  rep: { label: Person, key: repId, props: { name: repName } }
relationships:
  - { type: LEGAL_REP_OF, from: rep, to: company }
`,
};

const FILES: Record<string, string[]> = {
  'residents_2024.csv': [
    'citizen_id,full_name,date_of_birth,household,address',
    `${A},张伟,1980-01-01,H1,桐庐县某村1号`,
    `${NEAR_MISS},张伟,1980-01-02,H1,桐庐县某村1号`,
  ],
  'staff_2024.csv': ['citizen_id,full_name,unit_code,unit_name,post', `${B},张 伟,ORG-1,桐庐县某局,科员`],
  'applicants_2024.csv': ['citizen_id,full_name,household', `${BAD},张伟,H1`],
  // Two registrations of one firm under one legal representative; a namesake under another is a near miss.
  'companies_2024.csv': [
    'credit_code,company_name,legal_rep,legal_rep_id',
    `${CO_1},桐庐县某某建材有限公司,李四,${REP}`,
    `${CO_2},桐庐县某某建材有限公司 ,李四,${REP}`,
    `${CO_OTHER},桐庐县某某建材有限公司,王五,${id('33012219750606006')}`,
  ],
};

const CANDIDATES = `query($status: CandidateStatus) {
  resolutionCandidates(kind: PERSON, status: $status) {
    nodes { id status score reasons survivor
      a { uid label held merged name birthDate idNoMasked source file row }
      b { uid label held merged name birthDate idNoMasked source file row }
      decisions { action by role reason at } }
    pageInfo { hasNextPage }
  }
}`;
const DECIDE = `mutation($id: ID!, $action: ResolutionAction!, $reason: String!) {
  decideResolutionCandidate(id: $id, action: $action, reason: $reason) { id status survivor decisions { action by reason } }
}`;

let db: Executor;
let h: Harness;
let report: LoadReport;
let work: string;

/** Every relationship touching a 张伟 record, as endpoints, type and properties: what undo must give back. */
async function relsOfZhang(): Promise<string[]> {
  const { rows } = await db.read<{ r: string }>(
    `MATCH (p) WHERE (p:Person OR p:MergedRecord) AND p.name IN ['张伟', '张 伟'] MATCH (p)-[r]-(o)
     WITH DISTINCT r
     RETURN startNode(r).uid + ' ' + type(r) + ' ' + endNode(r).uid + ' ' + 
       reduce(s = '', kv IN COLLECT { UNWIND keys(r) AS k WITH k ORDER BY k RETURN k + '=' + toString(r[k]) } | s + kv + ';') AS r`,
  );
  return rows.map((x) => x.r).sort();
}

const zhangPersons = async () =>
  (await db.read<{ uid: string }>("MATCH (p:Person) WHERE replace(p.name, ' ', '') = '张伟' RETURN p.uid AS uid ORDER BY uid")).rows.map(
    (r) => r.uid,
  );

function pairOf(nodes: Loose[], x: string, y: string): Loose {
  return nodes.find((n: Loose) => [n.a.uid, n.b.uid].sort().join() === [x, y].sort().join());
}

beforeAll(async () => {
  db = await freshGraph();
  work = mkdtempSync(path.join(tmpdir(), 'huiyan-resolution-'));
  const maps = path.join(work, 'mappings');
  const data = path.join(work, 'data');
  mkdirSync(maps);
  mkdirSync(data);
  for (const [f, text] of Object.entries(MAPPINGS)) writeFileSync(path.join(maps, f), text);
  for (const [f, lines] of Object.entries(FILES)) writeFileSync(path.join(data, f), lines.join('\n') + '\n');
  report = await loadFiles(db, [data], { rejectsDir: path.join(work, 'rejects'), extraMappingsDirs: [maps] });
  await applyAccessSchema(db);
  h = harnessOn(db);
});
afterAll(async () => {
  await db.close();
});

describe('a row whose ID number fails its check', () => {
  it('stays in the rejects file and is counted as held for resolution', () => {
    const applicants = report.files.find((f) => f.source === 'site-applicants')!;
    expect([applicants.rowsRead, applicants.rowsLoaded, applicants.rowsRejected, applicants.heldForResolution]).toEqual([1, 0, 1, 1]);
    expect(applicants.reconciles).toBe(true);
    expect(readFileSync(applicants.rejectsFile!, 'utf8')).toContain('fails the GB 11643 check');
  });

  it('is kept as a PersonRecord with its name, birth date, household and provenance', async () => {
    const { rows } = await db.read<Loose>(
      'MATCH (r:PersonRecord) RETURN r.name AS name, toString(r.birthDate) AS bd, r.households AS hh, r.idNoMasked AS masked, r._file AS file, r._row AS row, r.status AS status',
    );
    expect(rows).toEqual([
      {
        name: '张伟',
        bd: '1980-01-01',
        hh: ['Household:H1'],
        masked: '330122********' + BAD.slice(14),
        file: 'applicants_2024.csv',
        row: 1,
        status: 'held',
      },
    ]);
  });
});

describe('entity resolution over the API', () => {
  let before: string[];
  let heldUid: string;

  it('proposes the three records of one person pairwise, and not the person born on another day', async () => {
    before = await relsOfZhang();
    const run = await h.gql('mutation { proposeResolutionCandidates }');
    expect(run.errors).toBeUndefined();
    // Three pairs of 张伟 records and one pair of companies.
    expect(run.data!.proposeResolutionCandidates).toBe(4);
    const res = await h.gql(CANDIDATES, { status: 'PROPOSED' });
    const nodes: Loose[] = res.data!.resolutionCandidates.nodes;
    heldUid = nodes.flatMap((n) => [n.a, n.b]).find((s: Loose) => s.held).uid;
    const ab = pairOf(nodes, `Person:${A}`, `Person:${B}`);
    expect(ab).toMatchObject({ status: 'PROPOSED', score: 0.85, reasons: ['sameNameAndBirthDate', 'nearIdenticalId'] });
    expect(pairOf(nodes, `Person:${A}`, heldUid)).toMatchObject({
      score: 1,
      reasons: ['sameNameAndBirthDate', 'sharedHousehold', 'nearIdenticalId'],
    });
    expect(pairOf(nodes, `Person:${B}`, heldUid)).toMatchObject({ score: 0.85 });
    const uids = nodes.flatMap((n) => [n.a.uid, n.b.uid]);
    expect(uids).not.toContain(`Person:${NEAR_MISS}`);
    // A handler sees the year of birth only, and the held row's file and row.
    const held = nodes.flatMap((n) => [n.a, n.b]).find((s: Loose) => s.held);
    expect(held).toMatchObject({
      label: 'PersonRecord',
      birthDate: '1980',
      file: 'applicants_2024.csv',
      row: 1,
      source: 'site-applicants',
    });
  });

  it('refuses viewers, callers bound to units, and decisions without a reason or on unknown candidates', async () => {
    const viewer = await h.gql(CANDIDATES, {}, await h.as('viewer1', 'viewer'));
    expect(viewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unit = await h.gql(CANDIDATES, {}, await h.as('unit-handler', 'handler', ['Org:ORG-1']));
    expect(unit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const nodes: Loose[] = (await h.gql(CANDIDATES, { status: 'PROPOSED' })).data!.resolutionCandidates.nodes;
    const noReason = await h.gql(DECIDE, { id: nodes[0].id, action: 'ACCEPT', reason: '  ' });
    expect(noReason.errors?.[0]?.extensions?.code).toBe('REASON_REQUIRED');
    const unknown = await h.gql(DECIDE, { id: 'person:nope', action: 'REJECT', reason: 'x' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await zhangPersons()).toEqual([`Person:${A}`, `Person:${B}`, `Person:${NEAR_MISS}`]);
  });

  it('merges on acceptance into one person, keeping the other records and their provenance', async () => {
    const listed = await h.gql(CANDIDATES, { status: 'PROPOSED' });
    expect(listed.errors).toBeUndefined();
    const nodes: Loose[] = listed.data!.resolutionCandidates.nodes;
    const ab = pairOf(nodes, `Person:${A}`, `Person:${B}`);
    const accepted = await h.gql(DECIDE, { id: ab.id, action: 'ACCEPT', reason: '同一人：身份证号两位颠倒' });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.decideResolutionCandidate).toMatchObject({
      status: 'ACCEPTED',
      survivor: `Person:${A}`,
      decisions: [{ action: 'ACCEPT', by: 'tester', reason: '同一人：身份证号两位颠倒' }],
    });
    const withHeld = pairOf(nodes, `Person:${A}`, heldUid);
    expect((await h.gql(DECIDE, { id: withHeld.id, action: 'ACCEPT', reason: '校验位错误，同户同名同生日' })).errors).toBeUndefined();

    expect(await zhangPersons()).toEqual([`Person:${A}`, `Person:${NEAR_MISS}`]);
    const { rows } = await db.read<Loose>(
      `MATCH (p:Person {uid: $a})
       OPTIONAL MATCH (m:MergedRecord {uid: $b})
       OPTIONAL MATCH (r:PersonRecord {uid: $held})
       RETURN p._mergedFrom AS from, [(p)-[x:HOLDS_POST]->(o) | [o.uid, x._movedFrom, x.title]] AS posts,
         m._source AS mSource, m._file AS mFile, m.name AS mName, m._mergedInto AS mInto, r.status AS rStatus, r._mergedInto AS rInto`,
      { a: `Person:${A}`, b: `Person:${B}`, held: heldUid },
    );
    expect(rows[0]).toEqual({
      from: [`Person:${B}`, heldUid],
      posts: [['Org:ORG-1', `Person:${B}`, '科员']],
      mSource: 'site-staff',
      mFile: 'staff_2024.csv',
      mName: '张 伟',
      mInto: `Person:${A}`,
      rStatus: 'merged',
      rInto: `Person:${A}`,
    });
    // The pair of the two records now inside A cannot be accepted: one of them is no longer in the graph.
    const rest = pairOf(nodes, `Person:${B}`, heldUid);
    expect((await h.gql(DECIDE, { id: rest.id, action: 'ACCEPT', reason: 'x' })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await h.gql(DECIDE, { id: ab.id, action: 'REJECT', reason: 'x' })).errors?.[0]?.extensions?.code).toBe('ALREADY_DECIDED');
  });

  it("writes a later delivery of the absorbed record's source to the survivor, so the merge outlasts the next load", async () => {
    const again = await loadFiles(db, [path.join(work, 'data', 'staff_2024.csv')], {
      rejectsDir: path.join(work, 'rejects-again'),
      extraMappingsDirs: [path.join(work, 'mappings')],
    });
    expect(again.files[0]).toMatchObject({ rowsRead: 1, rowsLoaded: 1, rowsRejected: 0 });
    expect(await zhangPersons()).toEqual([`Person:${A}`, `Person:${NEAR_MISS}`]);
    const { rows } = await db.read<Loose>(`MATCH (p:Person {uid: $a}) RETURN p.name AS name, [(p)-[x:HOLDS_POST]->(o) | o.uid] AS posts`, {
      a: `Person:${A}`,
    });
    // The survivor keeps its own name; the post the delivery names is the one the merge moved, not a second.
    expect(rows[0]).toEqual({ name: '张伟', posts: ['Org:ORG-1'] });
    const proposed: Loose[] = (await h.gql(CANDIDATES, { status: 'PROPOSED' })).data!.resolutionCandidates.nodes;
    expect(proposed.some((c: Loose) => [c.a.uid, c.b.uid].includes(`Person:${B}`) && [c.a.uid, c.b.uid].includes(`Person:${A}`))).toBe(
      false,
    );
  });

  it('undoes both merges: three records again, every relationship as it was', async () => {
    const accepted: Loose[] = (await h.gql(CANDIDATES, { status: 'ACCEPTED' })).data!.resolutionCandidates.nodes;
    expect(accepted).toHaveLength(2);
    for (const c of accepted) {
      const undone = await h.gql(DECIDE, { id: c.id, action: 'UNDO', reason: '复核：需再核实' });
      expect(undone.errors).toBeUndefined();
      expect(undone.data!.decideResolutionCandidate.status).toBe('PROPOSED');
    }
    expect(await zhangPersons()).toEqual([`Person:${A}`, `Person:${B}`, `Person:${NEAR_MISS}`]);
    expect(await relsOfZhang()).toEqual(before);
    const { rows } = await db.read<Loose>(
      `MATCH (p:Person {uid: $a}) MATCH (r:PersonRecord {uid: $held})
       RETURN p._mergedFrom AS from, r.status AS status, COUNT { (m:MergedRecord) } AS merged`,
      { a: `Person:${A}`, held: heldUid },
    );
    expect(rows[0]).toEqual({ from: null, status: 'held', merged: 0 });
    const again = (await h.gql(CANDIDATES, { status: 'PROPOSED' })).data!.resolutionCandidates.nodes;
    const ab = pairOf(again, `Person:${A}`, `Person:${B}`);
    expect(ab.decisions.map((d: Loose) => [d.action, d.by, d.role])).toEqual([
      ['ACCEPT', 'tester', 'handler'],
      ['UNDO', 'tester', 'handler'],
    ]);
    const undo = await h.gql(DECIDE, { id: ab.id, action: 'UNDO', reason: 'x' });
    expect(undo.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('keeps a rejected pair rejected when candidates are found again', async () => {
    const nodes: Loose[] = (await h.gql(CANDIDATES, { status: 'PROPOSED' })).data!.resolutionCandidates.nodes;
    const rest = pairOf(nodes, `Person:${B}`, heldUid);
    expect((await h.gql(DECIDE, { id: rest.id, action: 'REJECT', reason: '不同人' })).data!.decideResolutionCandidate.status).toBe(
      'REJECTED',
    );
    expect((await h.gql('mutation { proposeResolutionCandidates }')).data!.proposeResolutionCandidates).toBe(3);
    const rejected: Loose[] = (await h.gql(CANDIDATES, { status: 'REJECTED' })).data!.resolutionCandidates.nodes;
    expect(rejected.map((n) => n.id)).toEqual([rest.id]);
  });

  it('merges two registrations of one company under one legal representative, and undoes it', async () => {
    const list = await h.gql(`{ resolutionCandidates(kind: COMPANY) { nodes { id score reasons a { uid } b { uid } } } }`);
    const nodes: Loose[] = list.data!.resolutionCandidates.nodes;
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ score: 0.85, reasons: ['sameName', 'sameLegalRep'] });
    expect([nodes[0].a.uid, nodes[0].b.uid].sort()).toEqual([`Company:${CO_1}`, `Company:${CO_2}`]);
    const relsOfRep = async () =>
      (
        await db.read<{ r: string }>(
          `MATCH (:Entity {uid: $rep})-[r]->(c) RETURN c.uid + ' ' + coalesce(r._movedFrom, '-') AS r ORDER BY r`,
          { rep: `Person:${REP}` },
        )
      ).rows.map((x) => x.r);
    const before = await relsOfRep();
    const accepted = await h.gql(DECIDE, { id: nodes[0].id, action: 'ACCEPT', reason: '同一企业重复登记' });
    expect(accepted.data!.decideResolutionCandidate.survivor).toBe(`Company:${CO_1}`);
    // The representative's link to the second registration now ends on the first, marked where it came from.
    expect(await relsOfRep()).toEqual([`Company:${CO_1} -`, `Company:${CO_1} Company:${CO_2}`]);
    const merged = await db.read<Loose>('MATCH (m:MergedRecord) RETURN m.uid AS uid, m._label AS label, m._file AS file, m._row AS row');
    expect(merged.rows).toEqual([{ uid: `Company:${CO_2}`, label: 'Company', file: 'companies_2024.csv', row: 2 }]);
    expect((await h.gql(DECIDE, { id: nodes[0].id, action: 'UNDO', reason: '撤销' })).errors).toBeUndefined();
    expect(await relsOfRep()).toEqual(before);
  });
});
