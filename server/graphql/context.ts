// What the GraphQL layer needs from the rest of the server, as interfaces, so app.ts can be built in a
// test from a real Executor and a small model list, and bin/server.ts can hand in the real library.
import type { YogaInitialContext } from 'graphql-yoga';
import type { Executor } from '../../platform/db/executor.js';
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import { createBatchers, type Batchers, type TxMeta } from './batch.js';
import type { Role } from '../access/roles.js';
import type { Principal } from '../access/principal.js';
import { AuditNotes } from '../audit/notes.js';
import type { AuditTrail } from '../audit/trail.js';
import type { Access } from '../access/access.js';
import type { OutsidePolicy } from '../access/jurisdiction.js';
import type { Severity } from '../models/header.js';
import type { FeedDesk } from '../feeds/desk.js';
import type { Library } from '../models/library.js';
import type { SitePolicy } from '../models/policy.js';
import type { LiveLibrary } from '../models/live-library.js';
import type { FixtureDatabase } from '../models/publish.js';

/** One model as the API shows it. The model library (server/models/library.ts) is adapted to this. */
export interface ModelInfo {
  id: string;
  revision: number;
  titleZh: string;
  titleEn: string;
  description: string;
  severity: Severity;
  domain: string;
  tags: string[];
  parameters: { name: string; type: string; default: unknown; description?: string }[];
}

export interface ModelCatalog {
  list(): ModelInfo[];
  get(id: string): ModelInfo | undefined;
}

/** What a model run reports back (server/models/runner.ts RunResult, structurally). */
export interface ModelRunReport {
  runId: string;
  modelId: string;
  modelRevision: number;
  startedAt: string;
  durationMs: number;
  rows: number;
  alertsNew: number;
  alertsKept: number;
  alertsGone: number;
  error: string | null;
  drafts?: AlertPreviewDraft[];
}

/** An alert a preview run would raise (the AlertPreview type's parent). */
export interface AlertPreviewDraft {
  fingerprint: string;
  summaryZh: string;
  summaryEn: string;
  amount: number | null;
  subjects: { uid: string; role: string }[];
}

/** Runs a model of the library by id; unknown parameters or values of the wrong type throw with code BAD_INPUT. */
export interface ModelRunner {
  run(id: string, opts: { subject?: string; params?: Record<string, unknown>; preview?: boolean }): Promise<ModelRunReport>;
}

/** Everything the API is built from. Nothing here is created by the API itself. */
export interface ApiDeps {
  executor: Executor;
  /** Users, sessions and tokens (server/access). */
  access: Access;
  graphSchema: GraphSchema;
  models: ModelCatalog;
  /**
   * Turns a normalised 18-digit ID number into the Person key stored in the graph. Leave unset when ID
   * numbers are stored as they are; set it to the loaders' HMAC when they pseudonymise, so an exact ID
   * search still finds the person.
   */
  personKey?: (idNo: string) => string;
  /** Per-statement time limit for API reads, in ms. */
  readTimeoutMs?: number;
  /** Runs models on request (runModel / previewModel); unset: those mutations are refused. */
  runner?: ModelRunner;
  /** Reading an entity outside the caller's jurisdiction: with a stated reason (default) or never. */
  outsideJurisdiction?: OutsidePolicy;
  /** The audit trail searched by auditTrail / auditVerify; unset: those queries are refused. */
  auditTrail?: AuditTrail;
  /** The feed registry (数据备案) and the rejects folder; unset: no feeds, deliveryRejects refused. */
  feeds?: FeedDesk;
  /** The site policy, the library it is checked against and the site folder; unset: policy and packages refused. */
  site?: SiteDesk;
  /** The analyst's workbench (models written, tried, published; the console); unset: those fields are refused. */
  workbench?: WorkbenchDeps;
}

export interface SiteDesk {
  siteDir: string;
  library: Library;
  policy: SitePolicy;
}

/** What the workbench needs: the library it publishes into and reloads, the site models folder, a scratch database for fixtures. */
export interface WorkbenchDeps {
  library: LiveLibrary;
  siteModelsDir: string;
  fixtureDb: FixtureDatabase;
}

export interface ApiContext extends ApiDeps {
  /**
   * Who is calling (server/access/authenticate.ts). Null only for a request that is refused before any
   * resolver runs: every field outside introspection needs a principal (the generic-auth plugin in app.ts).
   */
  principal: Principal | null;
  /** The principal's role; `viewer` stands in for the (refused) unauthenticated request. */
  role: Role;
  /** 查询事由: the case number or text the caller gave for this request (x-huiyan-reason), if any. */
  reason: string | null;
  /** The caller's address as the socket reports it. */
  clientIp: string | null;
  /** What this request read and wrote, for the audit trail. */
  audit: AuditNotes;
  batch: Batchers;
  /** Sent as transaction metadata, so SHOW TRANSACTIONS tells which API call a query belongs to. */
  txMeta: TxMeta;
}

export const DEFAULT_READ_TIMEOUT_MS = 15_000;
export const REASON_HEADER = 'x-huiyan-reason';
const MAX_REASON = 200;

/** The explorer percent-encodes the reason (headers are Latin-1); control characters are dropped, length capped. */
export function reasonFrom(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let v = raw;
  if (/%[0-9a-f]{2}/i.test(v)) {
    try {
      v = decodeURIComponent(v);
    } catch {
      /* not encoded after all: keep it as sent */
    }
  }
  v = v
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, MAX_REASON);
  return v === '' ? null : v;
}

/** What yoga's Node adapter puts beside the request: the raw socket, for the caller's address. */
interface NodeServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

/**
 * Built once per request, after authentication (app.ts resolves the principal first): batchers fresh so
 * nothing is cached across requests or callers.
 */
export function buildContext(
  deps: ApiDeps,
  initial: YogaInitialContext & NodeServerContext,
  principal: Principal | null,
  requestId: string | null = null,
): ApiContext {
  const role: Role = principal?.role ?? 'viewer';
  const timeoutMs = deps.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  const who = principal?.id ?? null;
  // The request id (x-request-id) ties a transaction in SHOW TRANSACTIONS to the request's log lines.
  const txMeta: TxMeta = (op) => ({ timeoutMs, metadata: { app: 'huiyan-api', op, role, user: who, requestId } });
  return {
    ...deps,
    principal,
    role,
    reason: reasonFrom(initial.request.headers.get(REASON_HEADER)),
    clientIp: initial.req?.socket?.remoteAddress ?? null,
    audit: new AuditNotes(),
    txMeta,
    batch: createBatchers(deps.executor, txMeta, deps.graphSchema),
  };
}
