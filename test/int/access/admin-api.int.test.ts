// The admin's management of users and tokens over GraphQL, on a real Neo4j: what the explorer's admin
// pages call. Other roles are refused by the SDL's @requiresScopes before anything runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness, type Loose } from '../graphql/harness.js';
import { UIDS } from '../graphql/seed.js';

let h: Harness;
let admin: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.as('root', 'admin');
});
afterAll(async () => {
  await h?.executor.close();
});

const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;
const login = (name: string, password: string) =>
  h.app.fetch(
    new Request('http://x/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password }),
    }),
  );

describe('managing users over GraphQL', () => {
  it('creates a user with units chosen from units(q), and the generated password signs them in', async () => {
    const units = await h.gql('query($q: String) { units(q: $q, limit: 5) { id name } }', { q: '' }, admin);
    expect(units.errors).toBeUndefined();
    const unit = (units.data?.units as { id: string }[]).find((u) => u.id === UIDS.org);
    expect(unit).toBeDefined();

    const created = await h.gql(
      'mutation($i: NewUserInput!) { createUser(input: $i) { password user { name role units hasPassword } } }',
      { i: { name: 'xu', displayName: '徐', role: 'handler', units: [UIDS.org] } },
      admin,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createUser.user).toEqual({ name: 'xu', role: 'handler', units: [UIDS.org], hasPassword: true });
    expect((await login('xu', created.data?.createUser.password)).status).toBe(200);
  });

  it('changes a role and units, which ends the user’s sessions, and refuses an admin demoting themselves', async () => {
    const session = await h.as('xu2', 'handler');
    expect((await h.gql('{ me { role } }', {}, session)).data?.me.role).toBe('handler');
    const changed = await h.gql('mutation { updateUser(name: "xu2", input: {role: viewer}) { role } }', {}, admin);
    expect(changed.data?.updateUser.role).toBe('viewer');
    expect((await h.gql('{ me { role } }', {}, session)).status).toBe(401);

    const self = await h.gql('mutation { updateUser(name: "root", input: {role: viewer}) { role } }', {}, admin);
    expect(code(self)).toBe('BAD_INPUT');
    const bad = await h.gql('mutation { updateUser(name: "xu2", input: {units: ["Township 7"]}) { role } }', {}, admin);
    expect(code(bad)).toBe('BAD_INPUT');
  });

  it('resets a password (shown once) and unlocks', async () => {
    const r = await h.gql('mutation { resetPassword(name: "xu") { password user { lockedUntil } } }', {}, admin);
    expect(r.data?.resetPassword.password).toMatch(/^\S{16}$/);
    expect((await login('xu', r.data?.resetPassword.password)).status).toBe(200);
    expect(code(await h.gql('mutation { resetPassword(name: "nobody") { password } }', {}, admin))).toBe('NOT_FOUND');
  });

  it('refuses every admin field to the other roles with FORBIDDEN and no data', async () => {
    for (const role of ['viewer', 'handler', 'analyst'] as const) {
      const who = await h.as(`not-admin-${role}`, role);
      for (const q of [
        '{ users { name } }',
        '{ tokens { id } }',
        '{ units { id } }',
        'mutation { createUser(input: {name: "x", role: admin, units: ["*"]}) { password } }',
        'mutation { resetPassword(name: "root") { password } }',
      ]) {
        const r = await h.gql(q, {}, who);
        expect(code(r), `${role}: ${q}`).toBe('FORBIDDEN');
        expect(r.data ?? null).toBeNull();
      }
    }
  });

  it('lists the users an alert can be assigned to, without viewers or disabled accounts', async () => {
    await h.gql('mutation { createUser(input: {name: "gone", role: handler, units: ["*"]}) { password } }', {}, admin);
    await h.gql('mutation { updateUser(name: "gone", input: {disabled: true}) { disabled } }', {}, admin);
    const r = await h.gql('{ assignees { name role } }');
    const names = (r.data?.assignees as Loose[]).map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['xu', 'root', 'tester']));
    expect(names).not.toContain('gone');
    expect(names).not.toContain('xu2');
  });
});
