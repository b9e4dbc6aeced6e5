// Arguments of `npm run models`, apart from the command so they can be tested without running it.

export class Usage extends Error {}

export interface Args {
  command: 'list' | 'run';
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
