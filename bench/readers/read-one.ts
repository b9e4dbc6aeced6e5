// One read for the readers benchmark, in a process of its own so that its peak memory is its own (the
// benchmark's setup, which writes the .xls through SheetJS, takes gigabytes): `rows <format> <file>` reads
// every row through the loaders' reader, `merges <file>` runs the merged-range pass over every sheet. Prints
// { rows, ms, peakRssMiB } as JSON.
import { openSource } from '../../loaders/core/readers/source-reader.js';
import { sheetMerges, sheetNames } from '../../loaders/core/readers/workbook.js';
import type { SourceFormat } from '../../loaders/core/mapping/types.js';

const [what, a, b] = process.argv.slice(2);
let peak = process.memoryUsage().rss;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
const t0 = performance.now();
let rows = 0;
if (what === 'rows') {
  const reader = await openSource(b!, a as SourceFormat, {});
  for await (const _ of reader.rows()) rows++;
} else if (what === 'merges') {
  for (const name of await sheetNames(a!)) rows += (await sheetMerges(a!, name)).length;
} else throw new Error(`read-one: unknown ${what}`);
const ms = performance.now() - t0;
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(JSON.stringify({ rows, ms, peakRssMiB: Math.round(peak / 1024 / 1024) }));
