// npm run mapping -- list [--mappings DIR]…
// npm run mapping -- draft <file> [--from ID] [--mappings DIR]… [--out DIR] [--force]
// list: every mapping the loaders know, with its file patterns and identifying headers.
// draft: a mapping for an export no mapping recognises, started from the one it comes closest to
// (loaders/core/mapping/draft.ts); written to --out (default <var>/mappings) as <id>.yaml, never over a
// file already there unless --force. Exit status: 0 written, 1 no mapping close enough, 2 usage.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../platform/config.js';
import { loadGraphSchema } from '../platform/schema/graph-schema.js';
import { loadMappings } from '../loaders/index.js';
import { draftMapping, headerRowOf, readHead, readSample, whyAdded } from '../loaders/core/mapping/draft.js';
import { LoaderError } from '../loaders/core/errors.js';

const USAGE = [
  'usage: npm run mapping -- list [--mappings DIR]…',
  '       npm run mapping -- draft <file> [--from ID] [--mappings DIR]… [--out DIR] [--force]',
  '  --from ID       start from this mapping instead of the one the file comes closest to',
  '  --mappings DIR  your own mapping YAML files, beside the shipped ones (as npm run load takes them)',
  '  --out DIR       where the draft is written (default var/mappings), as <id>.yaml',
].join('\n');

function parse(argv: string[]) {
  const [command, ...rest] = argv;
  const o = {
    command,
    file: undefined as string | undefined,
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
    else if (a.startsWith('--') || o.file) return undefined;
    else o.file = path.resolve(a);
  }
  if (command === 'list' && !o.file) return o;
  if (command === 'draft' && o.file) return o;
  return undefined;
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
  const file = o.file!;
  if (!existsSync(file)) {
    console.error(`${file}: no such file`);
    return 2;
  }
  let draft;
  try {
    const head = await readHead(file);
    const headerRow = headerRowOf(head, mappings);
    const sample = await readSample(file, head, headerRow);
    const from = o.from ? { fromId: o.from } : {};
    draft = draftMapping(file, head, { headerRow, sample }, mappings, schema, { ...from, extraDirs: o.dirs });
  } catch (e) {
    if (!(e instanceof LoaderError)) throw e;
    console.error(`${e.message}; no mapping comes close enough to start from: copy one by hand (npm run mapping -- list)`);
    return 1;
  }
  const outDir = o.out ?? path.join(loadConfig().varDir, 'mappings');
  const target = path.join(outDir, `${draft.from.id}.yaml`);
  if (existsSync(target) && !o.force) {
    console.error(`${target} exists: edit it, or give --force to write the draft over it`);
    return 2;
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(target, draft.yaml);
  const m = draft.from;
  console.log(`起草 drafted ${target}, from ${m.id} (${m.title.zh} ${m.title.en})`);
  console.log(`  match.files: ${draft.filesPattern}`);
  console.log(`  found by header: ${draft.fit.nearest.found.map((id) => `${m.columns[id]!.headers[0]} (${id})`).join(', ') || 'none'}`);
  for (const [id, a] of Object.entries(draft.added))
    console.log(`  added "${a.header}" as a header of ${m.columns[id]!.headers[0]} (${id}), ${whyAdded(m, id, a)}: check it`);
  for (const id of draft.fit.missingRequired)
    console.log(`  ✗ required ${m.columns[id]!.headers[0]} (${id}): the file has no header like it; add the file's own, or drop required`);
  if (draft.fit.unread.length) console.log(`  headers nothing reads: ${draft.fit.unread.join(', ')}`);
  if (draft.others.length) console.log(`  other mappings near it (--from <id>): ${draft.others.map((x) => x.id).join(', ')}`);
  if (draft.byValuesOnly)
    console.log(
      `  ⚠ no header of the file is one of ${m.id}'s or like one: the choice rests on the values alone. Check that the file is ${m.title.zh}; if not, name the source with --from (npm run mapping -- list)`,
    );
  const shown = (p: string) => (path.relative(process.cwd(), p).startsWith('..') ? p : path.relative(process.cwd(), p) || '.');
  console.log(`next: npm run load -- --dry-run --mappings ${shown(outDir)} ${shown(file)}`);
  return 0;
}

process.exitCode = await main();
