// The API contract across its three holders: every operation the explorer sends is valid against the schema
// the server serves; the SDL's enums hold exactly the codes the server keeps (machine.ts, header.ts,
// roles.ts); and the workflow the API serves is machine.ts's.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../server/access/roles.js';
import { ACTIONS, DISPOSALS, OUTCOMES, STATES, TRANSITIONS } from '../../../server/alerts/workflow/machine.js';
import { enumName } from '../../../server/graphql/enums.js';
import { buildSchema } from '../../../server/graphql/schema.js';
import { SEVERITIES } from '../../../server/models/header.js';
import { EVIDENCE_OPERATIONS } from '../../../web/src/api/evidence-queries.js';
import { OPERATIONS } from '../../../web/src/api/queries.js';
import { POLICY_OPERATIONS } from '../../../web/src/api/policy-queries.js';
import { PREAWARD_OPERATIONS } from '../../../web/src/api/preaward-queries.js';
import { servedWorkflow } from '../web/served.js';

// The schema holds Node's copy of graphql (through @graphql-tools); use that copy, not Vite's.
const { GraphQLEnumType, parse, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const schema = buildSchema();

describe('explorer operations', () => {
  it.each(Object.entries({ ...OPERATIONS, ...POLICY_OPERATIONS, ...EVIDENCE_OPERATIONS, ...PREAWARD_OPERATIONS }))(
    '%s is valid against the served schema',
    (name, doc) => {
      const document = parse(doc);
      expect(validate(schema, document).map((e) => e.message)).toEqual([]);
      expect(document.definitions.some((d) => d.kind === 'OperationDefinition' && d.name?.value === name)).toBe(true);
    },
  );
});

describe('SDL enums', () => {
  /** name on the wire → code inside the server. */
  const values = (type: string) => {
    const t = schema.getType(type);
    if (!(t instanceof GraphQLEnumType)) throw new Error(`${type} is not an enum`);
    return Object.fromEntries(t.getValues().map((v) => [v.name, v.value as unknown]));
  };
  const byName = (codes: readonly string[], name = enumName) => Object.fromEntries(codes.map((c) => [name(c), c]));

  it.each([
    ['Severity', SEVERITIES, enumName],
    ['Outcome', OUTCOMES, enumName],
    ['Disposal', DISPOSALS, enumName],
    ['AlertAction', ACTIONS, enumName],
    // States and roles go on the wire as the codes themselves.
    ['AlertState', STATES, (c: string) => c],
    ['UserRole', ROLES, (c: string) => c],
  ] as const)('%s holds exactly the server codes', (type, codes, name) => {
    expect(values(type)).toEqual(byName(codes, name));
  });
});

describe('the served workflow', () => {
  it('is the state machine: every state with its names and every move with its roles and needs', async () => {
    const wf = await servedWorkflow();
    expect(wf.states.map((s) => s.code)).toEqual([...STATES]);
    expect(wf.states.filter((s) => s.open).map((s) => s.code)).toEqual(['new', 'assigned', 'verifying']);
    expect(wf.states.find((s) => s.code === 'verifying')).toEqual({ code: 'verifying', zh: '核查中', en: 'verifying', open: true });
    expect(wf.transitions).toHaveLength(TRANSITIONS.length);
    expect(wf.transitions).toContainEqual({
      action: 'CONCLUDE',
      from: 'verifying',
      to: 'dismissed',
      outcome: 'UNVERIFIABLE',
      roles: ['handler', 'admin'],
      requires: ['outcome', 'reason'],
    });
    expect(wf.transitions).toContainEqual({
      action: 'REOPEN',
      from: 'rectified',
      to: 'verifying',
      outcome: null,
      roles: ['admin'],
      requires: ['reason'],
    });
    expect(wf.outcomes).toEqual([
      { code: 'CONFIRMED', finding: true },
      { code: 'PARTLY_CONFIRMED', finding: true },
      { code: 'NOT_CONFIRMED', finding: false },
      { code: 'UNVERIFIABLE', finding: false },
    ]);
    expect(wf.disposals).toEqual(['CORRECTION', 'TALK', 'CASE', 'TRANSFER']);
  });
});
