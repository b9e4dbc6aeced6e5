// recordExport: the audit trail's note that something left the screen (a PNG, CSV or JSON of the canvas, a
// printed alert report or integrity record). The explorer builds exports in the browser from reads that were
// audited when they were made; this records who took them away, what they held and when. It returns no
// entity data, so nothing is admitted here: entities outside the jurisdiction are flagged, as reads flag them.
import { can } from '../../access/roles.js';
import type { ApiContext } from '../context.js';
import { badInput, forbidden } from '../errors.js';
import type { ExportKind, Resolvers } from '../generated.js';
import { uidArg } from '../inputs.js';
import { noteOutside } from '../jurisdiction.js';

/** More than the largest canvas the explorer can draw (the canvas renderer gives up well before). */
export const MAX_EXPORT_ENTITIES = 5000;
const MAX_ID = 200;

/** The audit trail's action names: export.png, export.alert_report… */
export const exportAction = (kind: ExportKind): string => `export.${kind.toLowerCase()}`;

function idArg(v: string | null | undefined, name: string): string | null {
  if (v === null || v === undefined) return null;
  const t = v.trim();
  if (t.length === 0 || t.length > MAX_ID) throw badInput(`${name} must be an id of 1 to ${MAX_ID} characters`);
  return t;
}

interface ExportArgs {
  kind: ExportKind;
  entityIds?: readonly string[] | null;
  alertId?: string | null;
  viewId?: string | null;
  count: number;
}

async function recordExport(_: unknown, args: ExportArgs, ctx: ApiContext) {
  // Printing a record is compiling one: the same permission as integrityRecord.
  if (args.kind === 'INTEGRITY_RECORD' && !can(ctx.role, 'readRecord'))
    throw forbidden(`The ${ctx.role} role may not print an integrity record`);
  if (!Number.isInteger(args.count) || args.count < 0) throw badInput('count must be a whole number, 0 or more');
  const ids = args.entityIds ?? [];
  if (ids.length > MAX_EXPORT_ENTITIES) throw badInput(`entityIds: at most ${MAX_EXPORT_ENTITIES} entities`);
  const uids = [...new Set(ids.map((i) => uidArg(i, 'entityIds')))];
  const alertId = idArg(args.alertId, 'alertId');
  const viewId = idArg(args.viewId, 'viewId');
  if (args.kind === 'ALERT_REPORT' && !alertId) throw badInput('An alert report is recorded with its alertId');
  if (args.kind === 'INTEGRITY_RECORD' && uids.length === 0) throw badInput('An integrity record is recorded with the person in entityIds');

  await noteOutside(ctx, uids);
  for (const u of uids) ctx.audit.saw(u);
  // The target names the export's subject: the alert, the person of a record, else the saved view.
  const target = alertId ?? (args.kind === 'INTEGRITY_RECORD' ? uids[0] : viewId) ?? undefined;
  ctx.audit.wrote(exportAction(args.kind), target);
  ctx.audit.remark(`export ${args.kind.toLowerCase()}: ${args.count} items${viewId ? `, view ${viewId}` : ''}`);
  return { kind: args.kind, count: args.count, at: new Date().toISOString() };
}

export const exportResolvers: Resolvers = {
  Mutation: { recordExport },
};
