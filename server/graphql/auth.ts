// Every field of the API needs a principal, except introspection (gated separately by role): the
// generic-auth plugin in protect-all mode checks each selected field before anything runs, so a resolver
// added tomorrow cannot forget. `@requiresScopes(scopes: [["manageAccess"]])` in the SDL (declared in
// access/schema.graphql) narrows a field to the roles that hold a permission (server/access/roles.ts).
import { useGenericAuth, type ValidateUserFn } from '@envelop/generic-auth';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Principal } from '../access/principal.js';
import { PERMISSIONS, type Permission } from '../access/roles.js';

/** The permissions a principal holds: the scopes @requiresScopes names. */
export const scopesOf = (p: Principal | null): string[] =>
  p ? (Object.keys(PERMISSIONS) as Permission[]).filter((k) => (PERMISSIONS[k] as readonly string[]).includes(p.role)) : [];

export interface AuthContextFields {
  principal: Principal | null;
  authProblem?: string | null;
}

const validate: ValidateUserFn<Principal> = ({ user, fieldNode, path, fieldScopes, typeScopes, executionArgs }) => {
  if (!user) {
    const problem = (executionArgs.contextValue as AuthContextFields).authProblem;
    return createGraphQLError(problem ?? 'Sign in first, or send a bearer token 请先登录', {
      nodes: [fieldNode],
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  const held = scopesOf(user);
  for (const required of [typeScopes, fieldScopes]) {
    if (!required?.length) continue;
    if (!required.some((set) => set.every((s) => held.includes(s))))
      return createGraphQLError(`The ${user.role} role may not read ${path.filter((p) => p !== '@').join('.')}`, {
        nodes: [fieldNode],
        extensions: { code: 'FORBIDDEN', http: { status: 403 } },
      });
  }
  return undefined;
};

export function useAuthRequired(): Plugin {
  return useGenericAuth<Principal, AuthContextFields, 'principal'>({
    mode: 'protect-all',
    contextFieldName: 'principal',
    // The principal is resolved when the context is built (app.ts); the plugin only reads it.
    resolveUserFn: (ctx) => ctx.principal ?? null,
    extractScopes: scopesOf,
    validateUser: validate,
  }) as Plugin;
}
