// The units an alert is about, stored on it (server/access/jurisdiction.ts ANCHORS): a model run writes
// them with the alert, the server fills them in for alerts written before, and from then on they decide
// the jurisdiction without walking from the alert to its subjects' units. On a real Neo4j, over the
// two-township seed of the jurisdiction tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANCHORS } from '../../../server/access/jurisdiction.js';
import { fillAnchors } from '../../../server/alerts/anchors.js';
import { storeAlerts } from '../../../server/alerts/store.js';
import { loadLibrary, MODELS_DIR } from '../../../server/models/library.js';
import { startHarness, type Harness, type Loose } from './harness.js';
import { ALERTS_A, ALERTS_B, J, seedJurisdiction } from './jurisdiction-seed.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await seedJurisdiction(h.executor);
});
afterAll(async () => {
  await h?.executor.close();
});

const INBOX = '{ alerts(first: 100) { totalCount edges { node { id } } } }';
const ids = (r: Loose): string[] => r.data?.alerts.edges.map((e: Loose) => e.node.id);
const viewerA = () => h.as('ja-viewer-a', 'viewer', [J.townA]);
const viewerB = () => h.as('ja-viewer-b', 'viewer', [J.townB]);

async function anchorsOf(fingerprints: string[]): Promise<Record<string, string[] | null>> {
  const { rows } = await h.executor.read<{ fp: string; units: string[] | null }>(
    `MATCH (a:Alert) WHERE a.fingerprint IN $fps RETURN a.fingerprint AS fp, a.${ANCHORS} AS units`,
    { fps: fingerprints },
  );
  return Object.fromEntries(rows.map((r) => [r.fp, r.units === null ? null : [...r.units].sort()]));
}

describe('the units stored on an alert', () => {
  it('are filled in for alerts written without them: the Org subjects and the Orgs one relationship from a subject', async () => {
    const before = await anchorsOf(['j-a-cadre', 'j-b-company']);
    expect(before).toEqual({ 'j-a-cadre': null, 'j-b-company': null });
    // The inbox answers the same before and after: the walk for alerts without anchors, the list with them.
    const walkedA = await h.gql(INBOX, {}, await viewerA());
    expect(ids(walkedA)).toEqual(ALERTS_A);

    expect(await fillAnchors(h.executor)).toBeGreaterThanOrEqual(5);
    expect(await anchorsOf(['j-a-cadre', 'j-a-town', 'j-b-official', 'j-b-company', 'j-none'])).toEqual({
      // The village cadre's post; the villager beside them holds none.
      'j-a-cadre': [J.villageA],
      'j-a-town': [J.townA],
      'j-b-official': [J.townB],
      // The township that regulates the company.
      'j-b-company': [J.townB],
      'j-none': [],
    });
    expect(await fillAnchors(h.executor)).toBe(0);

    const a = await h.gql(INBOX, {}, await viewerA());
    expect(ids(a)).toEqual(ALERTS_A);
    expect(a.data?.alerts.totalCount).toBe(ALERTS_A.length);
    const b = await h.gql(INBOX, {}, await viewerB());
    expect([...ids(b)].sort()).toEqual([...ALERTS_B].sort());
  });

  it('decide the jurisdiction once stored, until a run stores them again', async () => {
    // Stored anchors naming A on the alert anchored nowhere: A sees it, B does not.
    await h.executor.write(`MATCH (a:Alert {fingerprint: 'j-none'}) SET a.${ANCHORS} = [$townA]`, { townA: J.townA });
    expect(ids(await h.gql(INBOX, {}, await viewerA()))).toContain('j-none');
    expect(ids(await h.gql(INBOX, {}, await viewerB()))).not.toContain('j-none');
    const one = await h.gql('query($id: ID!) { alert(id: $id) { id } }', { id: 'j-none' }, await viewerA());
    expect(one.data?.alert).toEqual({ id: 'j-none' });
    await h.executor.write(`MATCH (a:Alert {fingerprint: 'j-none'}) SET a.${ANCHORS} = []`);
    expect(ids(await h.gql(INBOX, {}, await viewerA()))).not.toContain('j-none');
  });

  it('are written by a model run with the alert, as the graph stands at the run', async () => {
    const library = loadLibrary(MODELS_DIR);
    const model = library.models[0];
    if (!model) throw new Error('the shipped library has no model');
    const draft = (fingerprint: string, subjects: string[]) => ({
      fingerprint,
      identity: JSON.stringify([fingerprint]),
      summaryZh: fingerprint,
      summaryEn: fingerprint,
      amount: null,
      evidenceNodes: subjects,
      evidenceEdges: [],
      subjects: subjects.map((uid) => ({ uid, role: 'subject' })),
    });
    const drafts = [draft('ja-run-both', [J.cadreA, J.companyB]), draft('ja-run-none', [J.villager])];
    await storeAlerts(h.executor, model, drafts, { runId: 'ja-run-1', now: '2024-08-01T00:00:00Z', complete: false });
    expect(await anchorsOf(['ja-run-both', 'ja-run-none'])).toEqual({
      'ja-run-both': [J.townB, J.villageA].sort(),
      'ja-run-none': [],
    });
    // The villager takes a post in township B: the next run moves their alert there.
    await h.executor.write('MATCH (p:Person {uid: $p}), (o:Org {uid: $o}) CREATE (p)-[:HOLDS_POST {title: "借调"}]->(o)', {
      p: J.villager,
      o: J.townB,
    });
    await storeAlerts(h.executor, model, drafts, { runId: 'ja-run-2', now: '2024-09-01T00:00:00Z', complete: false });
    expect((await anchorsOf(['ja-run-none']))['ja-run-none']).toEqual([J.townB]);
    expect(ids(await h.gql(INBOX, {}, await viewerB()))).toContain('ja-run-none');
  });
});
