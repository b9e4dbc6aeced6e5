// npm run eval -- [--persons 20000] [--seed 1] [--json] [--keep]
// Generates a county, loads it into a throwaway embedded Neo4j, runs every model and prints, per model:
// planted cases found / planted, alerts raised, near misses flagged, time. Exits 1 when a planted case is
// missed, a near miss is flagged, or a model fails.
import path from 'node:path';
import { dataFolders, ownerOnly } from '../platform/files/owner-only.js';
import { loadConfig } from '../platform/config.js';
import { passed, type ModelScore } from '../synth/eval/compare.js';
import { evaluate } from '../synth/eval/evaluate.js';
import { openScratchNeo4j } from '../platform/neo4j/scratch.js';

function parse(argv: string[]) {
  const o = { persons: 20_000, seed: 1, json: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--persons') o.persons = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--json') o.json = true;
    else if (a === '--keep') o.keep = true;
    else throw new Error(`unknown option ${a}\nusage: npm run eval -- [--persons N] [--seed S] [--json] [--keep]`);
  }
  if (!Number.isInteger(o.persons) || o.persons < 150) throw new Error('--persons must be a whole number of at least 150');
  if (!Number.isInteger(o.seed)) throw new Error('--seed must be a whole number');
  return o;
}

function table(scores: ModelScore[]): string {
  const head = ['model', 'found/planted', 'near misses flagged', 'alerts', 'unexplained', 'ms', 'result'];
  const rows = scores.map((s) => [
    `${s.model} ${s.modelId ?? ''}`.trim(),
    `${s.found}/${s.planted}`,
    `${s.nearMissesFlagged.length}/${s.nearMisses}`,
    String(s.alerts),
    String(s.unexplained),
    s.ms === null ? '—' : String(s.ms),
    s.error ? `✗ ${s.error}` : passed(s) ? '✓' : `✗ missed ${s.missed.join(',') || '-'}; flagged ${s.nearMissesFlagged.join(',') || '-'}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows].map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n');
}

async function main(): Promise<number> {
  const o = parse(process.argv.slice(2));
  const cfg = loadConfig();
  ownerOnly(dataFolders(cfg));
  const log = (m: string) => console.error(`[eval] ${m}`);
  const scratch = await openScratchNeo4j('eval', log, { keep: o.keep });
  try {
    const outDir = path.join(cfg.varDir, 'eval', `county-${o.persons}-${o.seed}`);
    const report = await evaluate(scratch.handle.executor, { persons: o.persons, seed: o.seed, outDir, log });
    if (o.json) console.log(JSON.stringify(report, null, 2));
    else {
      console.log(
        `county: ${o.persons} persons, seed ${o.seed}; generated in ${report.generateMs} ms, ${report.rowsLoaded} rows loaded in ${report.loadMs} ms`,
      );
      console.log(table(report.scores));
    }
    return report.scores.every(passed) ? 0 : 1;
  } finally {
    await scratch.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
