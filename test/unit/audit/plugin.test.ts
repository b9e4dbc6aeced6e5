// What one GraphQL request leaves in the trail: the record built from ctx.audit and the errors, and the
// operation named by its root fields.
import { describe, expect, it } from 'vitest';
import { createGraphQLError } from 'graphql-yoga';
import { AuditNotes } from '../../../server/audit/notes.js';
import { eventOf } from '../../../server/graphql/audit/plugin.js';
import { describeOperation } from '../../../server/graphql/audit/operation.js';
import type { Principal } from '../../../server/access/principal.js';

const principal: Principal = {
  kind: 'user',
  id: 'zhang',
  displayName: '张',
  role: 'handler',
  jurisdiction: { all: true },
  via: 'password',
};
const err = (code: string) => createGraphQLError('no', { extensions: { code } });

describe('the record of a request', () => {
  it('is a read with the entities, those outside the jurisdiction, the reason and the address', () => {
    const audit = new AuditNotes();
    audit.saw('Person:a');
    audit.saw('Person:b');
    audit.saw('Person:a');
    audit.outsideJurisdiction('Person:b');
    const e = eventOf({ audit, principal, reason: '案号 7', clientIp: '10.0.0.5', params: { query: '{ entity(id: "x") { id } }' } }, []);
    expect(e).toMatchObject({
      actor: 'zhang',
      role: 'handler',
      via: 'password',
      ip: '10.0.0.5',
      kind: 'read',
      reason: '案号 7',
      entities: ['Person:a', 'Person:b'],
      outside: ['Person:b'],
      operation: 'query {entity}',
      detail: null,
    });
  });

  it('is a write when something changed, even if entities were returned too', () => {
    const audit = new AuditNotes();
    audit.saw('Person:a');
    audit.wrote('alert.assign', 'fp');
    expect(eventOf({ audit, principal, params: { query: 'mutation M { assign(id: "fp") { id } }' } }, [])).toMatchObject({
      kind: 'write',
      writes: [{ action: 'alert.assign', target: 'fp' }],
      operation: 'mutation M {assign}',
    });
  });

  it('is a refusal, with why, when nothing was returned and the caller was refused', () => {
    const e = eventOf(
      { audit: new AuditNotes(), principal: null, authProblem: 'Session expired', params: { query: '{ alerts { totalCount } }' } },
      [err('UNAUTHENTICATED'), err('UNAUTHENTICATED')],
    );
    expect(e).toMatchObject({ actor: null, kind: 'refused', detail: 'UNAUTHENTICATED: Session expired', entities: [] });
  });

  it('is nothing for a request that read no personal data and was not refused', () => {
    expect(eventOf({ audit: new AuditNotes(), principal, params: { query: '{ me { name } }' } }, [err('BAD_INPUT')])).toBeNull();
  });
});

describe('the operation named in the trail', () => {
  it('takes the root fields from the selected operation, through fragments', () => {
    const q = `query A { entity(id: "x") { id } }
      query B { ...F  x: search(q: "王") { score } ... on Query { neighbours(id: "y") { total } } }
      fragment F on Query { alerts { totalCount } search(q: "李") { score } }`;
    expect(describeOperation(q, 'B')).toBe('query B {alerts, search, neighbours}');
    expect(describeOperation(q, 'A')).toBe('query A {entity}');
    expect(describeOperation(q, undefined)).toBe('graphql (no operation)');
    expect(describeOperation('{ oops', null)).toBe('graphql (unparsable query)');
  });
});
