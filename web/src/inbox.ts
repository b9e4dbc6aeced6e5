// The inbox filter, from what the controls hold (state.ts: InboxFilterValues) to the API's AlertFilter.
// Pure, so the controller, the filter bar and the unit tests share one reading of it.
import type { AlertState, InboxFilter, Severity, WorkflowInfo } from './api/types.js';
import { NO_FILTER, type InboxFilterValues } from './state.js';
import { OPEN, openStates } from './workflow.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight at the start of that day in the browser's time zone, as an ISO date-time; null if not a date. */
function localMidnight(day: string, plusDays = 0): string | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * The date inputs as firstSeenFrom / firstSeenTo. Both days are inclusive and read in the browser's time
 * zone: the API reads a bare date as a UTC day, which in Beijing would put an alert raised at 07:00 on the
 * 1st into the 31st. So the bounds go as date-times: from the start of the first day, to the start of the
 * day after the last (the API's upper bound for a date-time is exclusive).
 */
export function dateBounds(from: string, to: string): { firstSeenFrom: string | null; firstSeenTo: string | null } {
  return { firstSeenFrom: from ? localMidnight(from) : null, firstSeenTo: to ? localMidnight(to, 1) : null };
}

/** The filter the inbox asks the API for; "open" means the states the served workflow calls open. */
export function filterFrom(v: InboxFilterValues, wf: WorkflowInfo | null | undefined): InboxFilter {
  return {
    state: v.state && v.state !== OPEN ? (v.state as AlertState) : null,
    states: v.state === OPEN ? openStates(wf) : null,
    severity: (v.severity || null) as Severity | null,
    modelId: v.model || null,
    assignedToMe: v.mine || null,
    subject: v.subject?.id ?? null,
    ...dateBounds(v.from, v.to),
  };
}

/** Whether anything narrows the inbox: an empty list then means "nothing matches", not "no alerts". */
export function hasFilter(v: InboxFilterValues): boolean {
  return (Object.keys(NO_FILTER) as (keyof InboxFilterValues)[]).some((k) => v[k] !== NO_FILTER[k]);
}
