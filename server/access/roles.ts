// Roles and what each may do, in one table. The role is never taken from the request: it is the signed-in
// user's (server/access/authenticate.ts) or the bearer token's. Triage moves are the workflow machine's
// (server/alerts/workflow/machine.ts); this table holds everything else.
import { CodedError } from '../../platform/errors.js';

/** viewer < handler < analyst < admin for people; system is for other systems' bearer tokens. */
export const ROLES = ['viewer', 'handler', 'analyst', 'admin', 'system'] as const;
export type Role = (typeof ROLES)[number];
/** The roles a person may hold (system is for tokens only). */
export const USER_ROLES = ['viewer', 'handler', 'analyst', 'admin'] as const satisfies readonly Role[];

export const PERMISSIONS = {
  /** Alerts, entities, graph, search, models, statistics, load runs: within the caller's jurisdiction. */
  read: ['viewer', 'handler', 'analyst', 'admin', 'system'],
  /** runModel / previewModel for one subject: the "check this lot before award" call. */
  checkSubject: ['handler', 'analyst', 'admin', 'system'],
  /** Full model runs and previews with other parameters. */
  runModels: ['analyst', 'admin'],
  /** The workbench: write, check and try models on the live graph, the read-only console, drafts, publish, retire. */
  authorModels: ['analyst', 'admin'],
  /** Introspection and GraphiQL. */
  explore: ['analyst', 'admin'],
  /** Users, units, tokens. */
  manageAccess: ['admin'],
  /** The audit trail: search and verify. */
  readAudit: ['admin'],
  /** The rejected rows of a load (deliveryRejects): department data that failed its checks, ID numbers masked for analysts. */
  readRejects: ['analyst', 'admin'],
  /** Entity resolution: list candidates, accept (merge), reject, undo (docs/resolution.md). */
  resolveEntities: ['handler', 'analyst', 'admin'],
  /** The site policy (parameter values, nightly run) and importing model packages into the site (docs/models.md). */
  managePolicy: ['admin'],
  /** 豁免名单: exempt a subject from a model for a while (known false positives). */
  manageExemptions: ['analyst', 'admin'],
  /** Export models with their statistics as a package for another jurisdiction. */
  exportModels: ['analyst', 'admin'],
  /**
   * 名单筛查 (screen): a list of up to 500 ID numbers or names looked up at once, for a case or a tender's
   * bidders; a bulk lookup is a case worker's tool, not a viewer's.
   */
  screenLists: ['handler', 'analyst', 'admin'],
  /**
   * The integrity record of one person (integrityRecord: 廉政档案 / 廉政意见回复): posts, kin, companies,
   * payments, cases, sanctions and alerts compiled on one page. A dossier is more than browsing, so not for
   * viewers, and not for other systems' tokens.
   */
  readRecord: ['handler', 'analyst', 'admin'],
  /** Raw values of properties marked `sensitive` in graph.yaml. */
  seeSensitive: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export const can = (role: Role, p: Permission): boolean => (PERMISSIONS[p] as readonly Role[]).includes(role);

/** Throws FORBIDDEN unless the role has the permission. */
export function demand(role: Role, p: Permission, what: string): void {
  if (!can(role, p)) throw new CodedError('FORBIDDEN', `The ${role} role may not ${what}`);
}

export const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

/** Raw values of properties marked `sensitive` in graph.yaml (ID numbers) are for admins only. */
export const maySeeSensitive = (role: Role): boolean => can(role, 'seeSensitive');
