// What the GraphQL layer needs from the rest of the server, as interfaces, so app.ts can be built in a
// test from a real Executor and a small model list, and bin/server.ts can hand in the real library.
import type { YogaInitialContext } from 'graphql-yoga';
import type { Executor } from '../../platform/db/executor.js';
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import { createBatchers, type Batchers, type TxMeta } from './batch.js';
import { roleFromRequest, type Role } from '../access/roles.js';
import { codedGraphQLError } from './errors.js';
import type { Severity } from '../models/header.js';

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
}

export interface ApiContext extends ApiDeps {
  role: Role;
  batch: Batchers;
  /** Sent as transaction metadata, so SHOW TRANSACTIONS tells which API call a query belongs to. */
  txMeta: TxMeta;
}

export const DEFAULT_READ_TIMEOUT_MS = 15_000;

/** Built once per request: role from the request, batchers fresh so nothing is cached across requests. */
export function buildContext(deps: ApiDeps, initial: YogaInitialContext): ApiContext {
  let role: Role;
  try {
    role = roleFromRequest(initial.request);
  } catch (e) {
    throw codedGraphQLError(e);
  }
  const timeoutMs = deps.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  const txMeta: TxMeta = (op) => ({ timeoutMs, metadata: { app: 'huiyan-api', op, role } });
  const ctx: ApiContext = { ...deps, role, txMeta, batch: createBatchers(deps.executor, txMeta) };
  return ctx;
}
