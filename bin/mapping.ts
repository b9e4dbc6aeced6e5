// npm run mapping -- list [--mappings DIR]…
// npm run mapping -- draft <files or folders> [--from ID] [--mappings DIR]… [--out DIR] [--force]
// list: every mapping the loaders know, with its file patterns and identifying headers.
// draft: for each export that would not load as it is (no mapping recognises it, or the one that does misses
// a required column), a mapping started from the one it comes closest to (loaders/core/mapping/draft.ts);
// written to --out (default <var>/mappings) as <id>.yaml, never over a file already there unless --force.
// Files that load as they are are named and left alone. Exit status: 0 every file loads or was drafted,
// 1 a file no mapping comes close to, 2 usage.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../platform/config.js';
import { loadGraphSchema, type GraphSchema } from '../platform/schema/graph-schema.js';
import { expandPaths, loadMappings, type Mapping } from '../loaders/index.js';
import {
  draftMapping,
  headerRowOf,
  readHead,
  readSample,
  readsAsIs,
  refusedWhy,
  whyAdded,
  type Draft,
} from '../loaders/core/mapping/draft.js';
import { LoaderError } from '../loaders/core/errors.js';

const USAGE = [
  'usage: npm run mapping -- list [--mappings DIR]…',
  '       npm run mapping -- draft <files or folders> [--from ID] [--mappings DIR]… [--out DIR] [--force]',
  '  --from ID       start from this mapping instead of the one each file comes closest to',
  '  --mappings DIR  your own mapping YAML files, beside the shipped ones (as npm run load takes them)',
  '  --out DIR       where the drafts are written (default var/mappings), as <id>.yaml',
  '  --force         write over a draft already there',
].join('\n');

function parse(argv: string[]) {
  const [command, ...rest] = argv;
  const o = {
    command,
    paths: [] as string[],
    from: undefined as string | undefined,
    dirs: [] as string[],
    out: undefined as string | undefined,
    force: false,
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--from') o.from = rest[++i];
    else if (a === '--mappings') o.dirs.push(path.resolve(rest[++i] ?? ''));
    else if (a === '--out') o.out = path.resolve(rest[++i] ?? '');
    else if (a === '--force') o.force = true;
    else if (a.startsWith('--')) return undefined;
    else o.paths.push(path.resolve(a));
  }
  if (command === 'list' && !o.paths.length) return o;
  if (command === 'draft' && o.paths.length) return o;
  return undefined;
}

const shown = (p: string) => (path.relative(process.cwd(), p).startsWith('..') ? p : path.relative(process.cwd(), p) || '.');

function report(d: Draft, target: string): void {
  const m = d.from;
  console.log(`起草 drafted ${target}, from ${m.id} (${m.title.zh} ${m.title.en})`);
  console.log(`  match.files: ${d.filesPattern}`);
  console.log(`  found by header: ${d.fit.nearest.found.map((id) => `${m.columns[id]!.headers[0]} (${id})`).join(', ') || 'none'}`);
  for (const [id, a] of Object.entries(d.added))
    console.log(`  added "${a.header}" as a header of ${m.columns[id]!.headers[0]} (${id}), ${whyAdded(m, id, a)}: check it`);
  for (const [id, r] of Object.entries(d.fit.refused))
    if (!d.added[id])
      console.log(`  not added "${r.header}" to ${m.columns[id]!.headers[0]} (${id}): alike by name, but ${refusedWhy(m, id, r)}`);
  for (const id of d.fit.missingRequired)
    console.log(`  ✗ required ${m.columns[id]!.headers[0]} (${id}): the file has no header like it; add the file's own, or drop required`);
  if (d.fit.unread.length) console.log(`  headers nothing reads: ${d.fit.unread.join(', ')}`);
  if (d.others.length) console.log(`  other mappings near it (--from <id>): ${d.others.map((x) => x.id).join(', ')}`);
  if (d.byValuesOnly)
    console.log(
      `  ⚠ no header of the file is one of ${m.id}'s or like one: the choice rests on the values alone. Check that the file is ${m.title.zh}; if not, name the source with --from (npm run mapping -- list)`,
    );
}

async function draftFile(
  file: string,
  ctx: { mappings: Mapping[]; schema: GraphSchema; dirs: string[]; from?: string },
  idFor: (fromId: string) => string,
): Promise<Draft> {
  const head = await readHead(file, ctx.mappings);
  const headerRow = headerRowOf(head, ctx.mappings);
  const sample = await readSample(file, head, headerRow);
  const opts = { extraDirs: ctx.dirs, idFor, ...(ctx.from ? { fromId: ctx.from } : {}) };
  return draftMapping(file, head, { headerRow, sample }, ctx.mappings, ctx.schema, opts);
}

async function main(): Promise<number> {
  const o = parse(process.argv.slice(2));
  if (!o) {
    console.error(USAGE);
    return 2;
  }
  const schema = loadGraphSchema();
  const mappings = loadMappings({ schema, extraDirs: o.dirs });
  if (o.command === 'list') {
    for (const m of mappings) {
      const ids = m.match.headers.map((id) => m.columns[id]!.headers[0]).join(', ');
      console.log(`${m.id.padEnd(18)} ${m.title.zh} ${m.title.en}`);
      console.log(`${''.padEnd(18)} files ${m.match.files.join(' ')} · identified by ${ids} · ${m.format.type}`);
    }
    return 0;
  }
  if (o.from && !mappings.some((m) => m.id === o.from)) {
    console.error(`no mapping ${o.from}: npm run mapping -- list names them`);
    return 2;
  }
  const missing = o.paths.find((p) => !existsSync(p));
  if (missing) {
    console.error(`${missing}: no such file or folder`);
    return 2;
  }
  const outDir = o.out ?? path.join(loadConfig().varDir, 'mappings');
  // A file named on its own is drafted whatever it is; in a folder, only what would not load as it is.
  const single = o.paths.length === 1 && !expandPaths(o.paths).some((f) => f !== o.paths[0]);
  const written = new Set<string>();
  const drafted: string[] = [];
  let status = 0;
  for (const file of expandPaths(o.paths)) {
    const as = single ? undefined : await readsAsIs(file, mappings);
    if (as?.loads) {
      console.log(`✓ ${path.basename(file)}: read by ${as.by} as it is, no draft`);
      continue;
    }
    let draft: Draft;
    try {
      // A file the loaders recognise but refuse keeps its source; another shape of a source drafted already
      // in this run gets an id of its own.
      const from = o.from ?? (as && !as.loads ? as.recognisedAs : undefined);
      draft = await draftFile(file, { mappings, schema, dirs: o.dirs, ...(from ? { from } : {}) }, (id) => {
        let n = 1;
        let candidate = id;
        while (written.has(candidate)) candidate = `${id}-${++n}`;
        return candidate;
      });
    } catch (e) {
      if (!(e instanceof LoaderError)) throw e;
      console.error(`✗ ${e.message}; no mapping comes close enough to start from: copy one by hand (npm run mapping -- list)`);
      status = 1;
      continue;
    }
    const id = draft.id;
    const target = path.join(outDir, `${id}.yaml`);
    if (existsSync(target) && !o.force) {
      console.error(`${target} exists: edit it, or give --force to write the draft over it`);
      return 2;
    }
    mkdirSync(outDir, { recursive: true });
    writeFileSync(target, draft.yaml);
    written.add(id);
    drafted.push(file);
    report(draft, target);
  }
  if (drafted.length) console.log(`next: npm run load -- --dry-run --mappings ${shown(outDir)} ${o.paths.map(shown).join(' ')}`);
  return status;
}

process.exitCode = await main();
