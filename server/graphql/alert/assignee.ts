// Whom an alert may be assigned to: a user (not a free-text name) who may do the work (the workflow's
// roles for startVerification) and whose jurisdiction covers the alert. Otherwise a township handler's
// case could be handed to someone who cannot even see it, or to a name nobody signs in as.
import { CodedError } from '../../../platform/errors.js';
import { jurisdictionOf } from '../../access/principal.js';
import { alertInScope, resolveScope } from '../../access/jurisdiction.js';
import { ACTION_ROLES } from '../../alerts/workflow/machine.js';
import type { ApiContext } from '../context.js';

export async function checkAssignee(ctx: ApiContext, alertId: string, name: string): Promise<void> {
  const user = await ctx.access.users.get(name);
  if (!user || user.disabled || !ACTION_ROLES.startVerification.includes(user.role))
    throw new CodedError('BAD_INPUT', `${name.slice(0, 64)} is not a user who can take alerts 不是可承办预警的用户`);
  const scope = await resolveScope(ctx.executor, ctx.graphSchema, jurisdictionOf(user.units), ctx.txMeta('alert.assignee'));
  const inside = alertInScope(scope, 'a');
  // One read: whether the alert exists, and whether it lies in the assignee's scope.
  const { rows } = await ctx.executor.read<{ inside: boolean }>(
    `MATCH (a:Alert {fingerprint: $id}) RETURN ${inside.cypher} AS inside`,
    { id: alertId, ...inside.params },
    ctx.txMeta('alert.assignee'),
  );
  // An unknown alert is left to the workflow, which answers NOT_FOUND.
  if (rows[0] && !rows[0].inside)
    throw new CodedError('BAD_INPUT', `This alert lies outside ${name.slice(0, 64)}'s jurisdiction 该预警不在其管辖范围内`);
}
