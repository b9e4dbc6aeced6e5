// Planted procurement cases (M04, M25–M28, M30–M32, M35, M36, M40): who is involved, by world index
// until project codes exist, then as the uids the loaders write ("Company:<uscc>", "Project:<code>" …).
import type { World } from '../world/world.js';

export type RefLabel = 'Company' | 'Project' | 'Org' | 'Person';
export interface Ref { label: RefLabel; idx: number }

export interface PlantedCase {
  model: string;
  id: string;
  expected: 'alert' | 'no_alert';
  kind: string;
  /** The alert's identity (what the model's identity columns hold), in the model's column order. */
  key: Ref[];
  /** Everything else the case involves (for the reader of truth.json). */
  involved: Ref[];
  note: string;
}

/** As truth.json lists it (the same shape as the integrity cases' TruthCase). */
export interface ModelCase {
  model: string;
  id: string;
  expected: 'alert' | 'no_alert';
  kind: string;
  key: string[];
  /** What each key uid is in the alert: company, company2, project, unit, person… */
  roles: string[];
  uids: string[];
  note: string;
}

const ROLE: Record<RefLabel, string> = { Company: 'company', Project: 'project', Org: 'unit', Person: 'person' };

export const ref = (label: RefLabel, idx: number): Ref => ({ label, idx });
/** Index-level identity, usable before project codes are assigned. */
export const refId = (r: Ref): string => `${r.label}#${r.idx}`;
export const keyId = (model: string, key: Ref[]): string => `${model}|${key.map(refId).join('|')}`;

export function uidOf(world: World, r: Ref): string {
  switch (r.label) {
    case 'Company': return `Company:${world.companies[r.idx]?.uscc ?? '?'}`;
    case 'Project': return `Project:${world.projects[r.idx]?.code ?? '?'}`;
    case 'Org': return `Org:${world.orgs[r.idx]?.code ?? '?'}`;
    case 'Person': return `Person:${world.persons[r.idx]?.idNo ?? '?'}`;
  }
}

/** Two companies in a stable order (by credit code), as pair models report them. */
export function pair(world: World, a: number, b: number): [Ref, Ref] {
  const ua = world.companies[a]?.uscc ?? '';
  const ub = world.companies[b]?.uscc ?? '';
  return ua < ub ? [ref('Company', a), ref('Company', b)] : [ref('Company', b), ref('Company', a)];
}

export function toModelCase(world: World, c: PlantedCase): ModelCase {
  const key = c.key.map((r) => uidOf(world, r));
  const uids = [...new Set([...key, ...c.involved.map((r) => uidOf(world, r))])];
  const seen = new Map<string, number>();
  const roles = c.key.map((r) => { const n = (seen.get(r.label) ?? 0) + 1; seen.set(r.label, n); return n === 1 ? ROLE[r.label] : `${ROLE[r.label]}${n}`; });
  return { model: c.model, id: c.id, expected: c.expected, kind: c.kind, key, roles, uids, note: c.note };
}
