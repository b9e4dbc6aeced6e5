import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../server/access/actor.js';
import {
  ACTION_ROLES,
  ACTIONS,
  availableActions,
  STATES,
  transition,
  TRANSITIONS,
  type Action,
  type ActionInput,
  type State,
  type TransitionOutcome,
} from '../../../server/alerts/workflow/machine.js';

const NOW = new Date('2024-06-01T08:00:00.000Z');
const handler: Actor = { user: '张三', role: 'handler' };
const admin: Actor = { user: 'root', role: 'admin' };
const alert = (state: State) => ({ state, assignee: state === 'new' ? null : '张三', modelRevision: 3 });

/** Enough input for any action, so a refusal can only come from the state or the role. */
const FULL: ActionInput = { assignee: '李四', outcome: 'confirmed', reason: '经核实', comment: '备注' };
const actorFor = (action: Action): Actor => (action === 'reopen' ? admin : handler);

const ok = (r: TransitionOutcome) => {
  if (!r.ok) throw new Error(`expected success, got ${r.error.code}: ${r.error.message}`);
  return r;
};
const err = (r: TransitionOutcome) => {
  if (r.ok) throw new Error(`expected an error, moved to ${r.to}`);
  return r.error;
};

describe('workflow state machine', () => {
  describe.each(TRANSITIONS.map((t) => [`${t.action} ${t.from} → ${t.to}${t.outcome ? ` (${t.outcome})` : ''}`, t] as const))(
    'legal: %s',
    (_, t) => {
      it('moves to the table state and records who, when and what', () => {
        const r = ok(transition(alert(t.from), t.action, { ...FULL, outcome: t.outcome ?? FULL.outcome }, actorFor(t.action), NOW));
        expect(r.to).toBe(t.to);
        expect(r.event).toMatchObject({
          at: NOW.toISOString(),
          actor: actorFor(t.action).user,
          role: actorFor(t.action).role,
          action: t.action,
          fromState: t.from,
          toState: t.to,
        });
        if (t.action === 'comment') expect(r.patch.state).toBeUndefined();
        else expect(r.patch.state).toBe(t.to);
      });
    },
  );

  const illegal = STATES.flatMap((s) =>
    ACTIONS.filter((a) => !TRANSITIONS.some((t) => t.action === a && t.from === s)).map((a) => [a, s] as const),
  );
  it.each(illegal)('refuses %s from %s with BAD_INPUT', (action, state) => {
    const e = err(transition(alert(state), action, FULL, actorFor(action), NOW));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toContain(state);
  });

  it('has an illegal case for every state × action pair the table leaves out', () => {
    expect(illegal.length + new Set(TRANSITIONS.map((t) => `${t.action}|${t.from}`)).size).toBe(STATES.length * ACTIONS.length);
  });

  it.each(ACTIONS)('refuses a viewer %s with FORBIDDEN, before looking at the state', (action) => {
    const state = TRANSITIONS.find((t) => t.action === action)!.from;
    expect(err(transition(alert(state), action, FULL, { user: 'v', role: 'viewer' }, NOW)).code).toBe('FORBIDDEN');
  });

  it('lets only the roles in the table act', () => {
    expect(err(transition(alert('verifying'), 'conclude', FULL, { user: 'a', role: 'analyst' }, NOW)).code).toBe('FORBIDDEN');
    expect(ok(transition(alert('verifying'), 'comment', FULL, { user: 'a', role: 'analyst' }, NOW)).to).toBe('verifying');
    expect(err(transition(alert('dismissed'), 'reopen', FULL, handler, NOW)).code).toBe('FORBIDDEN');
    for (const a of ACTIONS) expect(ACTION_ROLES[a]).not.toContain('viewer');
  });

  it.each(['not_confirmed', 'unverifiable'] as const)('needs a reason to dismiss as %s', (outcome) => {
    const e = err(transition(alert('verifying'), 'conclude', { outcome, reason: '  ' }, handler, NOW));
    expect(e.code).toBe('BAD_INPUT');
    expect(e.message).toMatch(/reason/);
    expect(ok(transition(alert('verifying'), 'conclude', { outcome, reason: '查无此事' }, handler, NOW)).to).toBe('dismissed');
  });

  it('needs an outcome to conclude, an assignee to assign, text to comment, a reason to reopen', () => {
    expect(err(transition(alert('verifying'), 'conclude', {}, handler, NOW)).message).toMatch(/outcome/);
    expect(err(transition(alert('new'), 'assign', {}, handler, NOW)).message).toMatch(/assignee/);
    expect(err(transition(alert('new'), 'comment', { comment: '' }, handler, NOW)).message).toMatch(/comment/);
    expect(err(transition(alert('dismissed'), 'reopen', {}, admin, NOW)).message).toMatch(/reason/);
  });

  it('keeps the conclusion on the alert with the revision it checked', () => {
    const r = ok(
      transition(
        alert('verifying'),
        'conclude',
        { outcome: 'partly_confirmed', disposal: 'correction', amountRecovered: 12000, reason: '部分属实' },
        handler,
        NOW,
      ),
    );
    expect(r.patch).toMatchObject({
      state: 'partly_confirmed',
      outcome: 'partly_confirmed',
      disposal: 'correction',
      amountRecovered: 12000,
      concludedAt: NOW.toISOString(),
      concludedBy: '张三',
      concludedRevision: 3,
    });
    expect(r.event).toMatchObject({ outcome: 'partly_confirmed', disposal: 'correction', amountRecovered: 12000 });
  });

  it('refuses a disposal or recovered amount on a conclusion that found nothing', () => {
    expect(
      err(transition(alert('verifying'), 'conclude', { outcome: 'not_confirmed', reason: 'x', disposal: 'case' }, handler, NOW)).code,
    ).toBe('BAD_INPUT');
    expect(
      err(transition(alert('verifying'), 'conclude', { outcome: 'unverifiable', reason: 'x', amountRecovered: 1 }, handler, NOW)).code,
    ).toBe('BAD_INPUT');
  });

  it('refuses unknown codes, negative amounts and over-long text', () => {
    const bad: ActionInput[] = [
      { outcome: 'maybe' as never },
      { outcome: 'confirmed', disposal: 'fine' as never },
      { outcome: 'confirmed', amountRecovered: -1 },
      { outcome: 'confirmed', amountRecovered: Number.NaN },
      { outcome: 'confirmed', reason: 'x'.repeat(2001) },
    ];
    for (const input of bad) expect(err(transition(alert('verifying'), 'conclude', input, handler, NOW)).code).toBe('BAD_INPUT');
  });

  it('clears the conclusion on reopen and keeps re-assignment in its state', () => {
    const r = ok(transition(alert('rectified'), 'reopen', { reason: '新线索' }, admin, NOW));
    expect(r.patch).toMatchObject({ state: 'verifying', outcome: null, disposal: null, concludedAt: null, concludedRevision: null });
    expect(ok(transition(alert('verifying'), 'assign', { assignee: '王五' }, handler, NOW)).patch).toMatchObject({
      state: 'verifying',
      assignee: '王五',
    });
  });

  it('lists the actions a role can take in a state', () => {
    expect(availableActions('new', 'handler')).toEqual(['assign', 'comment']);
    expect(availableActions('assigned', 'handler')).toEqual(['assign', 'startVerification', 'comment']);
    expect(availableActions('verifying', 'handler')).toEqual(['assign', 'conclude', 'comment']);
    expect(availableActions('confirmed', 'handler')).toEqual(['rectify', 'comment']);
    expect(availableActions('confirmed', 'admin')).toEqual(['rectify', 'comment', 'reopen']);
    expect(availableActions('dismissed', 'analyst')).toEqual(['comment']);
    for (const s of STATES) expect(availableActions(s, 'viewer')).toEqual([]);
  });
});
