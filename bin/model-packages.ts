// `npm run models -- export …` and `… import …`: model packages between sites (docs/models.md "Sharing
// models"). An import publishes like the workbench (fixtures run in a scratch Neo4j and must pass) into the
// site folder and is recorded in the audit trail; a dry run only prints the review.
import os from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Config } from '../platform/config.js';
import type { Executor } from '../platform/db/executor.js';
import { recordedCommand } from '../server/audit/command.js';
import type { AuditWrite } from '../server/audit/notes.js';
import { loadLibrary, MODELS_DIR, siteModelsDir, type Library } from '../server/models/library.js';
import { siteLibrary } from '../server/models/live-library.js';
import { SitePolicy } from '../server/models/policy.js';
import { scratchFixtureDb } from '../server/models/scratch-fixtures.js';
import { loadGraphSchema } from '../platform/schema/graph-schema.js';
import { exportPackage } from '../server/models/packages/export.js';
import { importPackage, PackageRefused } from '../server/models/packages/import.js';
import type { PackageReview } from '../server/models/packages/review.js';
import type { Args } from './model-args.js';

function printReview(r: PackageReview): void {
  console.log(`package ${r.hash ?? '?'} from ${r.source ?? 'an unnamed site'} (${r.createdAt ?? '?'})`);
  for (const p of r.problems) console.log(`  ✗ ${p}`);
  for (const m of r.models) {
    const was = m.siteRevision === null ? '' : ` (site has r${m.siteRevision})`;
    console.log(`  ${m.problems.length ? '✗' : '✓'} ${m.status.padEnd(7)} ${m.id} r${m.revision}${was}`);
    for (const p of m.problems) console.log(`      ${p}`);
  }
}

export async function packageCommand(args: Args, cfg: Config, db: Executor, library: Library): Promise<number> {
  const operation = `models ${process.argv.slice(2).join(' ')}`;
  if (args.command === 'export') {
    const pkg = await recordedCommand(
      cfg.varDir,
      operation,
      () => exportPackage(db, library, args.ids ?? [], { source: cfg.siteDir }),
      () => ({ writes: [{ action: 'model.export', target: (args.ids ?? []).join(' ') }] }),
    );
    writeFileSync(args.out!, `${JSON.stringify(pkg, null, 2)}\n`);
    console.log(`wrote ${args.out}: ${pkg.models.length} model(s), sha256 ${pkg.manifest.sha256}`);
    return 0;
  }
  const text = readFileSync(args.file!, 'utf8');
  const writes: AuditWrite[] = [];
  try {
    const r = await recordedCommand(
      cfg.varDir,
      operation,
      () =>
        importPackage(
          {
            db,
            // The site's own models count as current, so a changed one moves past the site's revision.
            library: siteLibrary(db, loadLibrary(MODELS_DIR, siteModelsDir(cfg.siteDir)), siteModelsDir(cfg.siteDir)),
            siteModelsDir: siteModelsDir(cfg.siteDir),
            schema: loadGraphSchema(),
            fixtureDb: scratchFixtureDb((m) => console.log(m)),
            record: (w) => void writes.push({ action: w.action, target: w.target }),
            // Checked as the next start will: an import must not leave the site policy unloadable.
            policy: SitePolicy.load(cfg.siteDir, loadLibrary(MODELS_DIR, siteModelsDir(cfg.siteDir))),
          },
          text,
          { siteDir: cfg.siteDir },
          { dryRun: args.dryRun, by: `os:${os.userInfo().username}` },
        ),
      () => ({ writes }),
    );
    printReview(r.review);
    for (const f of r.written) console.log(`wrote ${f}`);
    if (args.dryRun) console.log('dry run: nothing written');
    return 0;
  } catch (e) {
    if (!(e instanceof PackageRefused)) throw e;
    printReview(e.review);
    console.error(e.message);
    return 1;
  }
}
