// Who is calling, and the admin's management of users and tokens. Role checks on the admin fields are
// declared in the SDL (@requiresScopes); what is checked here is what the SDL cannot say.
import { int } from '../../../platform/db/executor.js';
import { CodedError } from '../../../platform/errors.js';
import { generatedPassword } from '../../access/passwords.js';
import { jurisdictionOf, unitsOf } from '../../access/principal.js';
import { jurisdictionsMeet, unitsAbove } from '../../access/jurisdiction.js';
import type { User } from '../../access/users.js';
import type { ApiContext } from '../context.js';
import { codedGraphQLError } from '../errors.js';
import { clampLimit } from '../inputs.js';
import { scopesOf } from '../auth.js';
import type { Resolvers } from '../generated.js';

const userView = (u: User) => ({
  name: u.name,
  displayName: u.displayName,
  role: u.role,
  units: u.units,
  disabled: u.disabled,
  lockedUntil: u.lockedUntil > Date.now() ? new Date(u.lockedUntil).toISOString() : null,
  hasPassword: u.hasPassword,
  oidcBound: u.oidcSubject !== null,
  createdAt: u.createdAt,
  lastSignIn: u.lastSignIn,
});

function principal(ctx: ApiContext) {
  if (!ctx.principal) throw new CodedError('UNAUTHENTICATED', 'Sign in first');
  return ctx.principal;
}

/** Runs a feature call, turning its expected errors into coded GraphQL errors. */
async function coded<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw codedGraphQLError(e);
  }
}

export const accessResolvers: Resolvers = {
  Query: {
    me: (_p, _a, ctx) => {
      const p = principal(ctx);
      return { name: p.id, displayName: p.displayName, role: p.role, units: unitsOf(p.jurisdiction), via: p.via, permissions: scopesOf(p) };
    },
    // Handlers whose jurisdiction meets the caller's: one lies in the other's subtree (a township's handler
    // and its village's meet; two townships' do not), or either covers the county.
    assignees: async (_p, _a, ctx) => {
      const mine = principal(ctx).jurisdiction;
      const candidates = (await ctx.access.users.list()).filter((u) => !u.disabled && (u.role === 'handler' || u.role === 'admin'));
      const theirs = candidates.map((u) => jurisdictionOf(u.units));
      const named = [mine, ...theirs].flatMap((j) => (j.all ? [] : j.units));
      const above = await unitsAbove(ctx.executor, named, ctx.txMeta('access.assignees'));
      return candidates
        .filter((_, i) => jurisdictionsMeet(mine, theirs[i]!, above))
        .map((u) => ({ name: u.name, displayName: u.displayName, role: u.role }));
    },
    users: async (_p, _a, ctx) => (await ctx.access.users.list()).map(userView),
    tokens: (_p, _a, ctx) => ctx.access.tokens.list(),
    units: async (_p, { q, limit }, ctx) => {
      const { rows } = await ctx.executor.read<{ id: string; name: string }>(
        `MATCH (o:Org) WHERE $q IS NULL OR o.name CONTAINS $q OR o.code STARTS WITH $q
         RETURN o.uid AS id, coalesce(o.name, o.code) AS name ORDER BY name LIMIT $limit`,
        // LIMIT takes an integer; a JS number goes to Neo4j as a float and is refused.
        { q: q?.trim() || null, limit: int(clampLimit(limit, 20, 1, 200)) },
        ctx.txMeta('access.units'),
      );
      return rows;
    },
  },
  Mutation: {
    createUser: (_p, { input }, ctx) =>
      coded(async () => {
        const password = input.password ?? generatedPassword();
        const user = await ctx.access.users.create(
          input.name,
          { role: input.role, units: input.units, ...(input.displayName ? { displayName: input.displayName } : {}) },
          password,
        );
        ctx.audit.wrote('user.create', user.name);
        return { user: userView(user), password: input.password ? null : password };
      }),
    updateUser: (_p, { name, input }, ctx) =>
      coded(async () => {
        if (name === principal(ctx).id && (input.role || input.disabled))
          throw new CodedError('BAD_INPUT', 'An admin cannot change their own role or disable themselves: ask another admin');
        const user = await ctx.access.users.update(name, {
          ...(input.displayName != null ? { displayName: input.displayName } : {}),
          ...(input.role != null ? { role: input.role } : {}),
          ...(input.units != null ? { units: input.units } : {}),
          ...(input.disabled != null ? { disabled: input.disabled } : {}),
        });
        ctx.audit.wrote('user.update', name);
        return userView(user);
      }),
    resetPassword: (_p, { name, password }, ctx) =>
      coded(async () => {
        const pw = password ?? generatedPassword();
        await ctx.access.users.setPassword(name, pw);
        ctx.audit.wrote('user.resetPassword', name);
        const user = await ctx.access.users.get(name);
        return { user: userView(user!), password: password ? null : pw };
      }),
    unlockUser: (_p, { name }, ctx) =>
      coded(async () => {
        await ctx.access.users.unlock(name);
        const user = await ctx.access.users.get(name);
        if (!user) throw new CodedError('NOT_FOUND', `No user named ${name}`);
        ctx.audit.wrote('user.unlock', name);
        return userView(user);
      }),
    issueToken: (_p, { input }, ctx) =>
      coded(async () => {
        const issued = await ctx.access.tokens.issue(
          { name: input.name, role: input.role, units: input.units, days: input.days ?? 90 },
          principal(ctx).id,
        );
        ctx.audit.wrote('token.issue', issued.token.id);
        return issued;
      }),
    revokeToken: (_p, { id }, ctx) =>
      coded(async () => {
        const t = await ctx.access.tokens.revoke(id);
        ctx.audit.wrote('token.revoke', id);
        return t;
      }),
  },
};
