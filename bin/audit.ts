// npm run audit -- verify [--expect seq:hash]…
// npm run audit -- head
// npm run audit -- search [--actor NAME] [--entity UID] [--operation TEXT] [--kind read|write|auth|refused]
//                         [--from ISO] [--to ISO] [--outside] [--first N] [--json]
// The audit trail under <varDir>/audit (docs/audit.md). verify exits 1 when the chain does not hold, so a
// cron job or monitoring can run it; head prints the anchor (seq:hash) to keep somewhere else.
import { parseArgs } from 'node:util';
import { loadConfig } from '../platform/config.js';
import { dataFolders, ownerOnly } from '../platform/files/owner-only.js';
import { AuditTrail } from '../server/audit/trail.js';
import { AUDIT_KINDS, type AuditKind, type AuditRecord } from '../server/audit/record.js';
import { parseAnchor, type Anchor } from '../server/audit/verify.js';

const USAGE = `usage: npm run audit -- verify [--expect seq:hash]…
       npm run audit -- head
       npm run audit -- search [--actor NAME] [--entity UID] [--operation TEXT] [--kind ${AUDIT_KINDS.join('|')}]
                               [--from ISO] [--to ISO] [--outside] [--first N] [--json]`;

class Usage extends Error {}

function line(r: AuditRecord): string {
  const who = `${r.actor ?? '(not signed in)'}${r.role ? `/${r.role}` : ''}${r.ip ? ` @${r.ip}` : ''}`;
  const what = [
    r.entities.length ? `entities ${r.entities.join(' ')}` : '',
    r.outside.length ? `OUTSIDE ${r.outside.join(' ')}` : '',
    r.writes.length ? `wrote ${r.writes.map((w) => (w.target ? `${w.action}(${w.target})` : w.action)).join(' ')}` : '',
    r.detail ?? '',
  ].filter(Boolean);
  return `${r.seq}\t${r.at}\t${r.kind}\t${who}\t${r.operation}\t事由 ${r.reason ?? '-'}\t${what.join('; ')}`;
}

async function verify(trail: AuditTrail, anchors: Anchor[]): Promise<number> {
  const v = await trail.verify(anchors);
  if (v.ok) {
    console.log(`ok: ${v.records} records in ${v.files} files hold${v.last ? `; last ${v.last.seq}:${v.last.hash}` : ''}`);
    return 0;
  }
  console.log(`FAILED ${v.file ? `${v.file} line ${v.line}` : ''}: ${v.problem}`);
  console.log(`(${v.records} records held before it${v.last ? `; the last good one ${v.last.seq}:${v.last.hash}` : ''})`);
  return 1;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      expect: { type: 'string', multiple: true },
      actor: { type: 'string' },
      entity: { type: 'string' },
      operation: { type: 'string' },
      kind: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      outside: { type: 'boolean' },
      first: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const cfg = loadConfig();
  ownerOnly(dataFolders(cfg));
  const trail = AuditTrail.in(cfg.varDir);

  switch (command) {
    case 'verify': {
      const anchors = (values.expect ?? []).map((s) => parseAnchor(s) ?? fail(`--expect takes seq:hash, not ${s}`));
      return verify(trail, anchors);
    }
    case 'head': {
      const v = await trail.verify();
      if (!v.ok) return verify(trail, []);
      console.log(v.last ? `${v.last.seq}:${v.last.hash}` : 'the trail is empty');
      return 0;
    }
    case 'search': {
      const kind = values.kind as AuditKind | undefined;
      if (kind && !AUDIT_KINDS.includes(kind)) fail(`--kind is one of ${AUDIT_KINDS.join(', ')}`);
      for (const t of [values.from, values.to]) if (t && Number.isNaN(Date.parse(t))) fail(`not a date or time: ${t}`);
      const first = values.first ? Number(values.first) : 100;
      if (!Number.isInteger(first) || first < 1) fail('--first takes a positive whole number');
      const page = await trail.search(
        {
          actor: values.actor,
          entity: values.entity,
          operation: values.operation,
          kind,
          from: values.from,
          to: values.to,
          outsideOnly: values.outside,
        },
        first,
        null,
      );
      for (const r of page.records) console.log(values.json ? JSON.stringify(r) : line(r));
      if (page.hasMore) console.error(`(more: raise --first, or narrow with --from/--to)`);
      return 0;
    }
    default:
      throw new Usage(command ? `unknown command ${command}` : '');
  }
}

function fail(message: string): never {
  throw new Usage(message);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof Usage || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      if ((e as Error).message) console.error((e as Error).message);
      console.error(USAGE);
      process.exit(2);
    }
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
