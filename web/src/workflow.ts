// The triage workflow as the server serves it (Query.workflow, from server/alerts/workflow/machine.ts):
// state names, which states are open, which moves exist and what they need. The explorer asks these
// lookups instead of keeping its own copy of the rules. Pure.
import type { AlertAction, AlertState, Outcome, WorkflowInfo } from './api/types.js';
import type { Lang } from './i18n.js';

/** The state select's value for the open (not concluded) states. */
export const OPEN = 'open';

/** A state's name in the language; the code itself until the workflow has loaded (still readable). */
export function stateName(wf: WorkflowInfo | null | undefined, code: string, lang: Lang): string {
  return wf?.states.find((s) => s.code === code)?.[lang] ?? code;
}

/** Not concluded yet: what a handler works through (未办结). */
export const openStates = (wf: WorkflowInfo | null | undefined): AlertState[] => wf?.states.filter((s) => s.open).map((s) => s.code) ?? [];

/** Whether the outcome found something, so a disposal and a recovered amount go with it. */
export const isFinding = (wf: WorkflowInfo | null | undefined, outcome: Outcome): boolean =>
  wf?.outcomes.find((o) => o.code === outcome)?.finding ?? false;

/** Whether concluding with this outcome needs a reason (reaching dismissed does). */
export const needsReason = (wf: WorkflowInfo | null | undefined, outcome: Outcome): boolean =>
  wf?.transitions.some((t) => t.action === 'CONCLUDE' && t.outcome === outcome && t.requires.includes('reason')) ?? false;

/** Whether the action takes an alert in this state to another state (assigning a new alert does; re-assigning does not). */
export const moves = (wf: WorkflowInfo | null | undefined, action: AlertAction, from: string): boolean =>
  wf?.transitions.some((t) => t.action === action && t.from === from && t.to !== from) ?? false;
