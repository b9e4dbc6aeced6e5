// truth.json: what the generator planted and what a correct pipeline must find, keyed by the
// identifiers the loaders write into the graph. Every model's cases are one record type inside
// (cases/case.ts); M03's keep the section of their own they had first (m03), projected here.
import { iso } from './world/dates.js';
import type { World } from './world/world.js';
import type { NoiseLog } from './noise.js';
import type { ModelCase } from './cases/case.js';
import type { M03Match, PlantedRefs } from './cases/procurement/kin-of-official-at-winning-bidder.js';
import type { Match } from './cases/reconcile.js';

export interface M03Case {
  id: string;
  kind: string;
  expected: 'alert' | 'no_alert';
  officialIdNo: string;
  officialName: string;
  /** The official's unit. */
  unitCode: string;
  unitName: string;
  postTitle: string;
  postFrom: string;
  postTo: string | null;
  relativeIdNo: string;
  relativeName: string;
  /** What the relative is to the official (spouse = the official's spouse, child = the official's child…). */
  relation: string;
  role: string;
  companyUscc: string;
  companyName: string;
  projectCode: string;
  projectName: string;
  /** The tendering unit (differs from unitCode only for the other-unit near miss). */
  tenderUnitCode: string;
  awardDate: string;
  note: string;
}

export interface Truth {
  generator: 'huiyan-synthetic-county';
  version: 1;
  options: { seed: number; persons: number; noise: boolean };
  snapshotDate: string;
  files: Record<string, number>;
  counts: Record<string, number>;
  m03: { cases: M03Case[]; expectedAlerts: M03Match[] };
  /** Planted cases of the catalog models (model = catalog code, key = the alert's identity as graph uids,
   * in the model's identity column order). Every case with expected "alert" is exactly what the model finds. */
  cases: ModelCase[];
  /** Integrity and welfare models: every brute-force match (catalog defaults), by catalog code. */
  integrity: { expectedAlerts: Record<string, Match[]> };
  /** Everything noise did (null when noise is off): rows a loader must reject or normalise. */
  noise: NoiseLog | null;
}

export function caseRecords(world: World, refs: PlantedRefs[]): M03Case[] {
  return refs.map((r) => {
    const d = r.pp.def;
    const unit = world.orgs[r.unitOrg];
    const tender = world.orgs[r.tenderOrg];
    const c = world.companies[r.company];
    const p = world.projects[r.project];
    if (!unit || !tender || !c || !p) throw new Error(`planted case ${d.id} incomplete`);
    return {
      id: d.id,
      kind: d.kind,
      expected: d.expected,
      officialIdNo: r.pp.official.idNo,
      officialName: r.pp.official.name,
      unitCode: unit.code,
      unitName: unit.name,
      postTitle: d.title,
      postFrom: iso(d.postFrom),
      postTo: d.postTo !== undefined ? iso(d.postTo) : null,
      relativeIdNo: r.pp.relative.idNo,
      relativeName: r.pp.relative.name,
      relation: d.relation,
      role: d.role,
      companyUscc: c.uscc,
      companyName: c.name,
      projectCode: p.code,
      projectName: p.name,
      tenderUnitCode: tender.code,
      awardDate: iso(d.awarded),
      note: d.note,
    };
  });
}
