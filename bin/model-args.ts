// Arguments of `npm run models`, apart from the command so they can be tested without running it.

export class Usage extends Error {}

export interface Args {
  command: 'list' | 'run' | 'export' | 'import';
  /** export: the models to put in the package. */
  ids?: string[];
  /** export: the package file to write. */
  out?: string;
  /** import: the package file to read. */
  file?: string;
  /** import: review only, write nothing. */
  dryRun?: boolean;
  model?: string;
  subject?: string;
  params: Record<string, unknown>;
  preview: boolean;
  json: boolean;
}

/** `--param minAmount=100000`: JSON when it parses (numbers, booleans, lists), a plain string otherwise. */
export function parseParam(s: string): [string, unknown] {
  const eq = s.indexOf('=');
  if (eq <= 0) throw new Usage(`--param needs name=value, got "${s}"`);
  const raw = s.slice(eq + 1);
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    /* a plain string */
  }
  return [s.slice(0, eq), value];
}

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command === 'export' || command === 'import') return packageArgs(command, rest);
  if (command !== 'list' && command !== 'run') throw new Usage(command ? `unknown command ${command}` : 'no command');
  const args: Args = { command, params: {}, preview: false, json: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const next = () =>
      rest[++i] ??
      (() => {
        throw new Usage(`${a} needs a value`);
      })();
    if (a === '--model') args.model = next();
    else if (a === '--subject') args.subject = next();
    else if (a === '--param') {
      const [k, v] = parseParam(next());
      args.params[k] = v;
    } else if (a === '--preview') args.preview = true;
    else if (a === '--json') args.json = true;
    else throw new Usage(`unknown option ${a}`);
  }
  if (Object.keys(args.params).length && !args.model) throw new Usage('--param needs --model');
  return args;
}

/** `export <ids…> --out F` and `import F [--dry-run]`. */
function packageArgs(command: 'export' | 'import', rest: string[]): Args {
  const args: Args = { command, params: {}, preview: false, json: false };
  const plain: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--out' && command === 'export')
      args.out =
        rest[++i] ??
        (() => {
          throw new Usage('--out needs a file');
        })();
    else if (a === '--dry-run' && command === 'import') args.dryRun = true;
    else if (a === '--json') args.json = true;
    else if (a.startsWith('--')) throw new Usage(`unknown option ${a}`);
    else plain.push(a);
  }
  if (command === 'export') {
    if (!plain.length) throw new Usage('export needs the ids of the models to export');
    if (!args.out) throw new Usage('export needs --out <file>');
    args.ids = plain;
  } else {
    if (plain.length !== 1) throw new Usage('import needs exactly one package file');
    args.file = plain[0];
    args.dryRun ??= false;
  }
  return args;
}
