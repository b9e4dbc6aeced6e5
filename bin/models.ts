// npm run models -- list
// npm run models -- run [--model <id>] [--subject <uid>] [--param name=value ...] [--preview] [--json]
// npm run models -- export <id…> --out F.huiyan-models.json
// npm run models -- import F.huiyan-models.json [--dry-run]
// Runs models against the configured Neo4j (the embedded server of a running `npm start` is attached, not
// restarted) with the site policy's parameter values (--param overrides them) and prints what each run
// found; exports and imports model packages (docs/models.md "Sharing models").
import { dataFolders, ownerOnly } from '../platform/files/owner-only.js';
import { loadConfig } from '../platform/config.js';
import { loadLibrary } from '../server/models/library.js';
import { runAll, runModel, type RunResult } from '../server/models/runner.js';
import { modelConcurrency } from '../server/models/concurrency.js';
import { openNeo4j } from '../platform/neo4j/runtime.js';
import { publishOnCluster } from '../platform/db/bookmark-relay.js';
import { parseArgs, Usage, type Args } from './model-args.js';
import { recordedCommand } from '../server/audit/command.js';
import { SitePolicy } from '../server/models/policy.js';
import { packageCommand } from './model-packages.js';

function line(r: RunResult): string {
  if (r.error) return `✗ ${r.modelId} r${r.modelRevision}: ${r.error}`;
  const what = r.drafts
    ? `${r.drafts.length} alerts (preview, nothing stored)`
    : `${r.alertsNew} new, ${r.alertsKept} kept, ${r.alertsGone} gone`;
  return `✓ ${r.modelId} r${r.modelRevision}: ${r.rows} rows${r.truncated ? ' (capped)' : ''} → ${what}, ${r.durationMs} ms`;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof Usage)) throw e;
    console.error(
      `${e.message}\nusage: npm run models -- list | run [--model <id>] [--subject <uid>] [--param name=value] [--preview] [--json]
                      | export <id…> --out F | import F [--dry-run]`,
    );
    return 2;
  }
  const library = loadLibrary();
  for (const r of library.refused) console.error(`refused: ${r.reason}`);
  if (args.command === 'list') {
    for (const m of library.models)
      console.log(`${m.id}\tr${m.revision}\t${m.severity}\t${m.catalog ?? ''}\t${m.title.zh} / ${m.title.en}`);
    return library.refused.length ? 1 : 0;
  }
  const model = args.model ? library.get(args.model) : undefined;
  if (args.model && !model) {
    console.error(`no model ${args.model}; npm run models -- list shows them`);
    return 2;
  }
  const cfg = loadConfig();
  ownerOnly(dataFolders(cfg));
  // The same values the server runs with; a bad policy is refused here as at start.
  const policy = SitePolicy.load(cfg.siteDir, library);
  const neo4j = await openNeo4j(cfg, (m) => console.error(m), { attach: true });
  if (args.command === 'export' || args.command === 'import') {
    try {
      return await packageCommand(args, cfg, neo4j.executor, library);
    } finally {
      await neo4j.close();
    }
  }
  try {
    const opts = { params: args.params, subject: args.subject, preview: args.preview, policy };
    const results = await recordedCommand(
      cfg.varDir,
      `models ${process.argv.slice(2).join(' ')}`,
      async () =>
        model
          ? [await runModel(neo4j.executor, model, opts)]
          : await runAll(neo4j.executor, library, { ...opts, concurrency: await modelConcurrency(neo4j.executor) }),
      // A preview stores nothing but prints who would be flagged; a run raises and retires alerts.
      (rs) =>
        args.preview
          ? { entities: rs.flatMap((r) => (r.drafts ?? []).flatMap((d) => d.subjects.map((s) => s.uid))) }
          : { writes: rs.filter((r) => !r.error).map((r) => ({ action: 'model.run', target: r.modelId })) },
    );
    if (args.json) console.log(JSON.stringify(results, null, 2));
    else {
      for (const r of results) {
        console.log(line(r));
        for (const d of r.drafts ?? []) console.log(`    ${d.summaryZh}`);
      }
    }
    return results.some((r) => r.error) ? 1 : 0;
  } finally {
    // On a cluster, the API servers' reads wait for the alerts this run wrote.
    await publishOnCluster(neo4j.executor, neo4j.uri, 'models').catch(() => undefined);
    await neo4j.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
