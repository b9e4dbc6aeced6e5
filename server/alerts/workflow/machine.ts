// The alert workflow as data: which action moves an alert from which state to which, who may take it and
// what it needs. `transition` is pure (no clock, no database), so every legal and illegal move is unit
// tested and the store only has to write what it returns. Codes are stored in lower case. The API serves
// all of this (Query.workflow) and the explorer draws its filters, buttons and forms from it.
import { ROLES, type Role } from '../../access/roles.js';
import type { Actor } from '../../access/actor.js';
import { WorkflowError } from './errors.js';

export const STATES = ['new', 'assigned', 'verifying', 'confirmed', 'partly_confirmed', 'dismissed', 'rectified'] as const;
export type State = (typeof STATES)[number];

/** What each state is called, in Chinese and English: the names the explorer shows. */
export const STATE_NAMES: Record<State, { zh: string; en: string }> = {
  new: { zh: '新发现', en: 'new' },
  assigned: { zh: '已分派', en: 'assigned' },
  verifying: { zh: '核查中', en: 'verifying' },
  confirmed: { zh: '已查实', en: 'confirmed' },
  // The state takes the outcome's word (部分属实), so the form, the badge and the statistics say one thing.
  partly_confirmed: { zh: '部分属实', en: 'partly confirmed' },
  dismissed: { zh: '已排除', en: 'dismissed' },
  rectified: { zh: '已整改', en: 'rectified' },
};

/** 核查结论: 属实, 部分属实, 不属实, 无法核实. */
export const OUTCOMES = ['confirmed', 'partly_confirmed', 'not_confirmed', 'unverifiable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** 处置: 纠错整改, 谈话函询, 立案, 移送. */
export const DISPOSALS = ['correction', 'talk', 'case', 'transfer'] as const;
export type Disposal = (typeof DISPOSALS)[number];

export const ACTIONS = ['assign', 'startVerification', 'conclude', 'rectify', 'comment', 'reopen'] as const;
export type Action = (typeof ACTIONS)[number];

export interface Transition {
  action: Action;
  from: State;
  to: State;
  /** For conclude: the outcome that leads to `to`. */
  outcome?: Outcome;
}

const CONCLUDED: readonly State[] = ['confirmed', 'partly_confirmed', 'dismissed', 'rectified'];
/** Not concluded yet: what a handler still works through (the inbox's 未办结). */
export const isOpen = (s: State): boolean => !CONCLUDED.includes(s);

/** Every legal move. Anything not listed is refused with BAD_INPUT. */
export const TRANSITIONS: readonly Transition[] = [
  { action: 'assign', from: 'new', to: 'assigned' },
  // Re-assigning hands the case to someone else without losing the progress made.
  { action: 'assign', from: 'assigned', to: 'assigned' },
  { action: 'assign', from: 'verifying', to: 'verifying' },
  { action: 'startVerification', from: 'assigned', to: 'verifying' },
  { action: 'conclude', from: 'verifying', outcome: 'confirmed', to: 'confirmed' },
  { action: 'conclude', from: 'verifying', outcome: 'partly_confirmed', to: 'partly_confirmed' },
  { action: 'conclude', from: 'verifying', outcome: 'not_confirmed', to: 'dismissed' },
  // 无法核实 closes the check without a finding; it is not a hit, so it ends where 不属实 ends.
  { action: 'conclude', from: 'verifying', outcome: 'unverifiable', to: 'dismissed' },
  { action: 'rectify', from: 'confirmed', to: 'rectified' },
  { action: 'rectify', from: 'partly_confirmed', to: 'rectified' },
  ...CONCLUDED.map((from): Transition => ({ action: 'reopen', from, to: 'verifying' })),
  ...STATES.map((from): Transition => ({ action: 'comment', from, to: from })),
];

const TRIAGE: readonly Role[] = ['handler', 'admin'];
/** Who may take each action. A viewer may take none; analysts may comment on what their models raised. */
export const ACTION_ROLES: Record<Action, readonly Role[]> = {
  assign: TRIAGE,
  startVerification: TRIAGE,
  conclude: TRIAGE,
  rectify: TRIAGE,
  comment: ['handler', 'analyst', 'admin'],
  // Undoing a conclusion changes the 查实率 already reported: a supervisory act.
  reopen: ['admin'],
};

/** Inputs each action cannot do without. */
export const REQUIRED: Record<Action, readonly (keyof ActionInput)[]> = {
  assign: ['assignee'],
  startVerification: [],
  conclude: ['outcome'],
  rectify: [],
  comment: ['comment'],
  reopen: ['reason'],
};

/** Reaching these states needs a written reason: a dismissed clue must say why it was dropped. */
export const REASON_REQUIRED_TO: readonly State[] = ['dismissed'];
/** Outcomes that found something, so a disposal and a recovered amount make sense. */
export const HIT_OUTCOMES: readonly Outcome[] = ['confirmed', 'partly_confirmed'];

/** The inputs one move cannot do without: the action's own, and a reason where the target state asks for one. */
export function requiredInputs(t: Transition): (keyof ActionInput)[] {
  const req = [...REQUIRED[t.action]];
  if (REASON_REQUIRED_TO.includes(t.to) && !req.includes('reason')) req.push('reason');
  return req;
}

/** The workflow as data, as the API serves it (Query.workflow): the explorer draws filters, buttons and forms from it. */
export function describeWorkflow() {
  return {
    states: STATES.map((code) => ({ code, ...STATE_NAMES[code], open: isOpen(code) })),
    transitions: TRANSITIONS.map((t) => ({
      action: t.action,
      from: t.from,
      to: t.to,
      outcome: t.outcome ?? null,
      roles: [...ACTION_ROLES[t.action]],
      requires: requiredInputs(t),
    })),
    outcomes: OUTCOMES.map((code) => ({ code, finding: HIT_OUTCOMES.includes(code) })),
    disposals: [...DISPOSALS],
    roles: [...ROLES],
  };
}

export const LIMITS = { text: 2000, assignee: 64, amount: 1e13 };

export interface ActionInput {
  assignee?: string | null;
  outcome?: Outcome | null;
  disposal?: Disposal | null;
  reason?: string | null;
  comment?: string | null;
  amountRecovered?: number | null;
}

/** What the machine needs to know about the alert. */
export interface AlertSnapshot {
  state: State;
  assignee: string | null;
  modelRevision: number | null;
}

/** One history entry, as the store writes it (it adds the id). */
export interface EventDraft {
  at: string;
  actor: string;
  role: Role;
  action: Action;
  fromState: State;
  toState: State;
  outcome: Outcome | null;
  disposal: Disposal | null;
  reason: string | null;
  comment: string | null;
  amountRecovered: number | null;
  assignee: string | null;
}

export interface TransitionResult {
  ok: true;
  to: State;
  /** Properties to set on the Alert node; null removes one. */
  patch: Record<string, string | number | null>;
  event: EventDraft;
}
export type TransitionOutcome = TransitionResult | { ok: false; error: WorkflowError };

export const isState = (v: unknown): v is State => typeof v === 'string' && (STATES as readonly string[]).includes(v);

/** The actions a role can take on an alert in this state: what the explorer shows as buttons. */
export function availableActions(state: State, role: Role): Action[] {
  return ACTIONS.filter((a) => ACTION_ROLES[a].includes(role) && TRANSITIONS.some((t) => t.action === a && t.from === state));
}

const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';
const text = (v: string | null | undefined) => (blank(v) ? null : (v as string).trim());

export function transition(alert: AlertSnapshot, action: Action, input: ActionInput, actor: Actor, now: Date): TransitionOutcome {
  const fail = (code: WorkflowError['code'], message: string): TransitionOutcome => ({
    ok: false,
    error: new WorkflowError(code, message),
  });
  if (!(ACTIONS as readonly string[]).includes(action)) return fail('BAD_INPUT', `Unknown action "${String(action)}"`);
  if (!ACTION_ROLES[action].includes(actor.role)) {
    return fail('FORBIDDEN', `The ${actor.role} role may not ${action}; allowed: ${ACTION_ROLES[action].join(', ')}`);
  }
  for (const key of REQUIRED[action]) {
    const v = input[key];
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return fail('BAD_INPUT', `${action} needs ${key}`);
  }
  const bad = checkInput(input);
  if (bad) return fail('BAD_INPUT', bad);

  const candidates = TRANSITIONS.filter((t) => t.action === action && t.from === alert.state);
  const move = action === 'conclude' ? candidates.find((t) => t.outcome === input.outcome) : candidates[0];
  if (!move) {
    const from = TRANSITIONS.filter((t) => t.action === action).map((t) => t.from);
    return fail('BAD_INPUT', `Cannot ${action} an alert that is ${alert.state}; only from ${[...new Set(from)].join(', ')}`);
  }
  const reason = text(input.reason);
  if (REASON_REQUIRED_TO.includes(move.to) && reason === null)
    return fail('BAD_INPUT', `A reason is required to conclude as ${input.outcome}`);

  const hit = input.outcome ? HIT_OUTCOMES.includes(input.outcome) : false;
  if (action === 'conclude' && !hit && (input.disposal || input.amountRecovered != null)) {
    return fail('BAD_INPUT', `A disposal or recovered amount needs a finding (confirmed or partly_confirmed), not ${input.outcome}`);
  }

  const at = now.toISOString();
  const patch: TransitionResult['patch'] = { state: move.to, updatedAt: at, updatedBy: actor.user };
  switch (action) {
    case 'assign':
      patch.assignee = text(input.assignee);
      patch.assignedAt = at;
      break;
    case 'conclude':
      patch.outcome = input.outcome ?? null;
      patch.disposal = input.disposal ?? null;
      patch.reason = reason;
      patch.amountRecovered = input.amountRecovered ?? null;
      patch.concludedAt = at;
      patch.concludedBy = actor.user;
      // The revision whose finding was checked: re-runs move modelRevision, the 查实率 must not move with it.
      patch.concludedRevision = alert.modelRevision;
      break;
    case 'rectify':
      patch.rectifiedAt = at;
      if (input.amountRecovered != null) patch.amountRecovered = input.amountRecovered;
      break;
    case 'reopen':
      // The earlier conclusion stays in the history; the alert itself is open again.
      for (const k of [
        'outcome',
        'disposal',
        'reason',
        'amountRecovered',
        'concludedAt',
        'concludedBy',
        'concludedRevision',
        'rectifiedAt',
      ])
        patch[k] = null;
      break;
    case 'startVerification':
    case 'comment':
      break;
  }
  if (action === 'comment') {
    // A comment changes no state; only the history grows.
    delete patch.state;
  }
  const event: EventDraft = {
    at,
    actor: actor.user,
    role: actor.role,
    action,
    fromState: alert.state,
    toState: move.to,
    outcome: action === 'conclude' ? (input.outcome ?? null) : null,
    disposal: action === 'conclude' ? (input.disposal ?? null) : null,
    reason,
    comment: text(input.comment),
    amountRecovered: input.amountRecovered ?? null,
    assignee: action === 'assign' ? text(input.assignee) : null,
  };
  return { ok: true, to: move.to, patch, event };
}

function checkInput(input: ActionInput): string | null {
  if (input.outcome != null && !(OUTCOMES as readonly string[]).includes(input.outcome))
    return `Unknown outcome "${String(input.outcome)}"`;
  if (input.disposal != null && !(DISPOSALS as readonly string[]).includes(input.disposal))
    return `Unknown disposal "${String(input.disposal)}"`;
  for (const k of ['reason', 'comment'] as const) {
    const v = input[k];
    if (v != null && v.length > LIMITS.text) return `${k} is longer than ${LIMITS.text} characters`;
  }
  if (input.assignee != null && input.assignee.trim().length > LIMITS.assignee)
    return `assignee is longer than ${LIMITS.assignee} characters`;
  const amt = input.amountRecovered;
  if (amt != null && (!Number.isFinite(amt) || amt < 0 || amt > LIMITS.amount))
    return 'amountRecovered must be a non-negative amount in 元';
  return null;
}
