// One case record for every model (planted or found by an oracle), and its projection into truth.json.
import type { World } from '../world/world.js';

export type RefLabel = 'Company' | 'Project' | 'Org' | 'Person';
/** An entity by world index (resolved to its uid once project codes exist), or a uid already known
 * (police cases, sanctions, programmes, and anything planted after the codes). */
export type Ref = { label: RefLabel; idx: number } | { uid: string };

/** A planted case, or an alert an oracle finds, of any model. */
export interface PlantedCase {
  /** Catalog code of the model (M01…M40), from its header. */
  model: string;
  id: string;
  expected: 'alert' | 'no_alert';
  kind: string;
  /** The alert's identity (what the model's identity columns hold), in the model's column order. */
  key: Ref[];
  /** What each key entry is in the alert; when left out, named after the entity (company, company2, project…). */
  roles?: string[];
  /** Everything else the case involves (for the reader of truth.json). */
  involved: Ref[];
  note: string;
}

/** What an oracle finds: an alert's identity. */
export type Found = Pick<PlantedCase, 'key' | 'roles'>;

/** A case as truth.json lists it: one shape for every model (M03 keeps its own section, truth.ts). */
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
export const refId = (r: Ref): string => ('uid' in r ? r.uid : `${r.label}#${r.idx}`);
export const keyId = (model: string, key: Ref[]): string => `${model}|${key.map(refId).join('|')}`;

export function uidOf(world: World, r: Ref): string {
  if ('uid' in r) return r.uid;
  switch (r.label) {
    case 'Company':
      return `Company:${world.companies[r.idx]?.uscc ?? '?'}`;
    case 'Project':
      return `Project:${world.projects[r.idx]?.code ?? '?'}`;
    case 'Org':
      return `Org:${world.orgs[r.idx]?.code ?? '?'}`;
    case 'Person':
      return `Person:${world.persons[r.idx]?.idNo ?? '?'}`;
  }
}

/** A key given as role → uid (the integrity and welfare oracles' matches). */
export const byRole = (ids: Record<string, string>): Found => ({
  key: Object.values(ids).map((uid) => ({ uid })),
  roles: Object.keys(ids),
});

function rolesOf(key: Ref[]): string[] {
  const seen = new Map<string, number>();
  return key.map((r) => {
    const base = 'uid' in r ? r.uid.slice(0, r.uid.indexOf(':')).toLowerCase() : ROLE[r.label];
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}${n}`;
  });
}

/** role → uid, as truth.json's integrity.expectedAlerts lists a match. */
export function asMatch(world: World, f: Found): Record<string, string> {
  const roles = f.roles ?? rolesOf(f.key);
  return Object.fromEntries(f.key.map((r, i) => [roles[i] as string, uidOf(world, r)]));
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
  return { model: c.model, id: c.id, expected: c.expected, kind: c.kind, key, roles: c.roles ?? rolesOf(c.key), uids, note: c.note };
}

/** Builds a set of role → uid matches, each once, in the order first found (the integrity and welfare oracles). */
export function matchSet() {
  const out = new Map<string, Record<string, string>>();
  return { add: (m: Record<string, string>) => out.set(JSON.stringify(m), m), list: () => [...out.values()] };
}
