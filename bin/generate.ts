// npm run generate -- --persons 400 --seed 7 --out var/demo [--no-noise]
// npm run generate -- --persons 400 --seed 7 --delta var/demo-2024-07: the month after that county, every feed (synth/delta.ts)
import { parseArgs } from 'node:util';
import { generateCounty } from '../synth/generate.js';
import { generateDelta } from '../synth/delta.js';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '400' },
    seed: { type: 'string', default: '7' },
    out: { type: 'string', default: 'var/demo' },
    'no-noise': { type: 'boolean', default: false },
    delta: { type: 'string' },
  },
});

const persons = Number(values.persons);
const seed = Number(values.seed);
if (!Number.isInteger(persons) || !Number.isInteger(seed)) {
  console.error('usage: npm run generate -- --persons <n> --seed <s> --out <dir> [--no-noise]');
  process.exit(2);
}

if (values.delta) {
  const d = await generateDelta({ persons, seed, outDir: values.delta });
  console.log(`the month ${d.month} after the county persons=${persons} seed=${seed} → ${values.delta}`);
  for (const [file, rows] of Object.entries(d.files)) console.log(`  ${String(rows).padStart(9)} rows  ${file}`);
  console.log(`  ${JSON.stringify(d.counts)}`);
  // The full-snapshot files end what they lack on the delivery date: the same date for every load of the month.
  console.log(`  load it with: npm run load -- --delivered ${d.deliveredOn} ${values.delta}`);
  process.exit(0);
}

const { files, truth } = await generateCounty({ persons, seed, outDir: values.out, noise: !values['no-noise'] });
console.log(`generated county: persons=${persons} seed=${seed} noise=${truth.options.noise} → ${values.out}`);
for (const [file, rows] of Object.entries(truth.files)) console.log(`  ${String(rows).padStart(9)} rows  ${file}`);
console.log(
  `  truth.json: M03 planted ${truth.m03.cases.filter((c) => c.expected === 'alert').length} alerts, ${truth.m03.cases.filter((c) => c.expected === 'no_alert').length} near misses`,
);
if (truth.noise) {
  const n = truth.noise;
  console.log(
    `  noise: ${n.invalidIds.length} invalid IDs, ${n.legacyIds.length} 15-digit IDs, ${n.fullWidthIds.length} full-width IDs, ${n.lowerCaseX.length} lower-case x, ${n.amounts.length} amount spellings, ${n.duplicateRows.length} duplicate rows, ${n.danglingAwards.length} dangling awards`,
  );
}
console.log(`  ${files.length} department files + truth.json written`);
