// A county huiyan's own generator did not make, loaded and scored: its generator (written by someone who never
// saw this repository, from the catalog alone) writes the departments' exports and an answer key (truth.json);
// the mappings and policy.yaml beside it were written as a county's administrator writes them. `scoreCounty`
// generates the county, loads it through those mappings into the real Neo4j, runs every model with that
// policy and keeps each model's alerts as the keys they name, to score against the answer key.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Executor } from '../../../platform/db/executor.js';
import { loadGraphSchema } from '../../../platform/schema/graph-schema.js';
import { loadFiles, type LoadReport } from '../../../loaders/index.js';
import { loadLibrary } from '../../../server/models/library.js';
import { SitePolicy } from '../../../server/models/policy.js';
import { runModel } from '../../../server/models/runner.js';
import { alertFacts } from '../../../server/alerts/queries.js';
import { freshGraph } from '../../support/db.js';

export interface TruthCase {
  model: string;
  expected: 'alert' | 'no_alert';
  keys: Record<string, string | string[]>;
  why: string;
}

/**
 * The values of a case an alert must name: people, companies, lots, approvals, petitions and cases. Names,
 * dates, months, relations and codes no graph node carries (a payroll's 预算单位编码, a village's code as the
 * case states it, the titles of direct awards) are what the case says about them, not what identifies it.
 */
const IDENTIFYING =
  /^(person_id|official_id|leader_id|cadre_id|kin_id|kin_ids|recipient_id|payee_id|inspector_id|credit_code|credit_codes|lot_code|lot_codes|approval_no|petition_no|case_no)$/;

/**
 * Keys a case gives as the record behind the finding rather than as what the finding is about: M19's licence
 * (approval_no) or won lot (lot_code) is what makes the company a managed party; the alert names the
 * official, the partner, the company and the case, and gives the record's kind in its text.
 */
const EVIDENCE_ONLY: Record<string, RegExp> = { M19: /^(approval_no|lot_code)$/ };

/** Each alert as the keys it names (the part after `Label:` of its subjects' and evidence's uids). */
export type AlertKeys = Set<string>[];

/** Whether one alert names every identifying value of the case; a case naming three or more companies of one lot
 * is covered when every pair of them is, as the lot models raise one alert per pair. */
export function covered(c: TruthCase, alerts: AlertKeys): boolean {
  const values = Object.entries(c.keys)
    .filter(([k]) => IDENTIFYING.test(k) && !EVIDENCE_ONLY[c.model]?.test(k))
    .flatMap(([, v]) => (Array.isArray(v) ? v : [v]));
  const companies = Array.isArray(c.keys.credit_codes) ? c.keys.credit_codes : [];
  if (companies.length < 3) return alerts.some((a) => values.every((v) => a.has(v)));
  const rest = values.filter((v) => !companies.includes(v));
  return companies.every((x, i) =>
    companies.slice(i + 1).every((y) => alerts.some((a) => a.has(x) && a.has(y) && rest.every((v) => a.has(v)))),
  );
}

export interface CountyRun {
  report: LoadReport;
  truth: TruthCase[];
  /** Alerts by catalog model (M01 …), each as the keys it names. */
  found: Map<string, AlertKeys>;
  /** Models that failed to run, with the reason. */
  errors: string[];
  /** The planted cases no alert covers, as `M19 why…`. */
  missed(): string[];
  /** The catalog models of the near misses some alert covers. */
  flagged(): string[];
  /** The loaded county's graph, for what a test checks beyond the alerts. */
  db: Executor;
  close(): Promise<void>;
}

const label = (c: TruthCase) => `${c.model} ${c.why.slice(0, 60)}`;

/**
 * Generates the county of `dir` (its gen.py, told where to write by `outEnv`; Debian's python3, the standard
 * library only, deterministic), loads `<out>/county` through `dir/mappings` and runs every model with
 * `dir/policy.yaml`.
 */
export async function scoreCounty(dir: string, outEnv: string): Promise<CountyRun> {
  const tmp = mkdtempSync(path.join(tmpdir(), `huiyan-${path.basename(dir)}-`));
  execFileSync('python3', [path.join(dir, 'gen.py')], { env: { ...process.env, [outEnv]: tmp }, stdio: 'ignore' });
  const truth = JSON.parse(readFileSync(path.join(tmp, 'truth.json'), 'utf8')) as TruthCase[];
  const db: Executor = await freshGraph();
  const schema = loadGraphSchema();
  const report = await loadFiles(db, [path.join(tmp, 'county')], {
    schema,
    rejectsDir: path.join(tmp, 'rejects'),
    extraMappingsDirs: [path.join(dir, 'mappings')],
  });
  const library = loadLibrary();
  // Read as the server reads a site's policy: site-wide values and each model's own.
  const policy = SitePolicy.load(dir, library);
  const found = new Map<string, AlertKeys>();
  const errors: string[] = [];
  for (const model of library.models) {
    const run = await runModel(db, model, { policy });
    if (run.error) errors.push(`${model.id}: ${run.error}`);
    const alerts = await alertFacts(db, model.id);
    const keys = alerts.map((a) => new Set(a.uids.map((u) => u.slice(u.indexOf(':') + 1))));
    const id = model.catalog ?? model.id;
    found.set(id, [...(found.get(id) ?? []), ...keys]);
  }
  return {
    report,
    truth,
    found,
    errors,
    db,
    missed: () => truth.filter((c) => c.expected === 'alert' && !covered(c, found.get(c.model) ?? [])).map(label),
    flagged: () => truth.filter((c) => c.expected === 'no_alert' && covered(c, found.get(c.model) ?? [])).map((c) => c.model),
    close: async () => {
      await db.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
