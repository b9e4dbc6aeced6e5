// The admin pages' operations: users, units and bearer tokens (server/graphql/access/schema.graphql; each
// needs the manageAccess permission, which the server checks), and the audit trail
// (server/graphql/audit/schema.graphql; readAudit). Typed by `npm run codegen` like queries.ts;
// test/unit/graphql/contract.test.ts validates them through OPERATIONS.
import { runnerOf, type Fetch, type Runner } from './client.js';
import type {
  AdminAuditTrailQuery,
  AdminAuditVerifyQuery,
  AuditFilter,
  AdminCreateUserMutation,
  AdminIssueTokenMutation,
  AdminResetPasswordMutation,
  AdminRevokeTokenMutation,
  AdminTokensQuery,
  AdminUnitsQuery,
  AdminUnlockUserMutation,
  AdminUpdateUserMutation,
  AdminUsersQuery,
  NewUserInput,
  TokenInput,
  UserInput,
} from './generated.js';

const USER_FIELDS = /* GraphQL */ `
  fragment AdminUserFields on User {
    name
    displayName
    role
    units
    disabled
    lockedUntil
    hasPassword
    oidcBound
    createdAt
    lastSignIn
  }
`;

const TOKEN_FIELDS = /* GraphQL */ `
  fragment AdminTokenFields on ApiToken {
    id
    name
    role
    units
    createdBy
    createdAt
    expiresAt
    revokedAt
    lastUsedAt
  }
`;

export const ADMIN_OPERATIONS = {
  AdminUsers: /* GraphQL */ `
    query AdminUsers {
      users {
        ...AdminUserFields
      }
    }
    ${USER_FIELDS}
  `,
  AdminTokens: /* GraphQL */ `
    query AdminTokens {
      tokens {
        ...AdminTokenFields
      }
    }
    ${TOKEN_FIELDS}
  `,
  AdminUnits: /* GraphQL */ `
    query AdminUnits($q: String, $limit: Int) {
      units(q: $q, limit: $limit) {
        id
        name
      }
    }
  `,
  AdminCreateUser: /* GraphQL */ `
    mutation AdminCreateUser($input: NewUserInput!) {
      createUser(input: $input) {
        user {
          ...AdminUserFields
        }
        password
      }
    }
    ${USER_FIELDS}
  `,
  AdminUpdateUser: /* GraphQL */ `
    mutation AdminUpdateUser($name: String!, $input: UserInput!) {
      updateUser(name: $name, input: $input) {
        ...AdminUserFields
      }
    }
    ${USER_FIELDS}
  `,
  AdminResetPassword: /* GraphQL */ `
    mutation AdminResetPassword($name: String!) {
      resetPassword(name: $name) {
        user {
          ...AdminUserFields
        }
        password
      }
    }
    ${USER_FIELDS}
  `,
  AdminUnlockUser: /* GraphQL */ `
    mutation AdminUnlockUser($name: String!) {
      unlockUser(name: $name) {
        ...AdminUserFields
      }
    }
    ${USER_FIELDS}
  `,
  AdminIssueToken: /* GraphQL */ `
    mutation AdminIssueToken($input: TokenInput!) {
      issueToken(input: $input) {
        token {
          ...AdminTokenFields
        }
        secret
      }
    }
    ${TOKEN_FIELDS}
  `,
  AdminRevokeToken: /* GraphQL */ `
    mutation AdminRevokeToken($id: ID!) {
      revokeToken(id: $id) {
        ...AdminTokenFields
      }
    }
    ${TOKEN_FIELDS}
  `,
  AdminAuditTrail: /* GraphQL */ `
    query AdminAuditTrail($filter: AuditFilter, $first: Int, $after: String) {
      auditTrail(filter: $filter, first: $first, after: $after) {
        records {
          seq
          at
          actor
          role
          via
          ip
          operation
          kind
          reason
          entities
          outside
          writes {
            action
            target
          }
          detail
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  AdminAuditVerify: /* GraphQL */ `
    query AdminAuditVerify {
      auditVerify {
        ok
        records
        files
        problem
        file
        line
        lastSeq
        lastHash
      }
    }
  `,
} as const;

export type AdminUser = AdminUsersQuery['users'][number];
export type AdminToken = AdminTokensQuery['tokens'][number];
export type Unit = AdminUnitsQuery['units'][number];
export type AuditRecord = AdminAuditTrailQuery['auditTrail']['records'][number];
export type AuditCheck = AdminAuditVerifyQuery['auditVerify'];

export function createAdminApi(transport: Fetch | { run: Runner }) {
  const send = runnerOf(transport);
  const run = <T>(op: keyof typeof ADMIN_OPERATIONS, vars: Record<string, unknown> = {}) => send<T>(op, ADMIN_OPERATIONS[op], vars);
  return {
    users: async () => (await run<AdminUsersQuery>('AdminUsers')).users,
    tokens: async () => (await run<AdminTokensQuery>('AdminTokens')).tokens,
    units: async (q: string, limit = 20) => (await run<AdminUnitsQuery>('AdminUnits', { q: q || null, limit })).units,
    createUser: async (input: NewUserInput) => (await run<AdminCreateUserMutation>('AdminCreateUser', { input })).createUser,
    updateUser: async (name: string, input: UserInput) =>
      (await run<AdminUpdateUserMutation>('AdminUpdateUser', { name, input })).updateUser,
    resetPassword: async (name: string) => (await run<AdminResetPasswordMutation>('AdminResetPassword', { name })).resetPassword,
    unlockUser: async (name: string) => (await run<AdminUnlockUserMutation>('AdminUnlockUser', { name })).unlockUser,
    issueToken: async (input: TokenInput) => (await run<AdminIssueTokenMutation>('AdminIssueToken', { input })).issueToken,
    auditTrail: async (filter: AuditFilter, first = 50, after: string | null = null) =>
      (await run<AdminAuditTrailQuery>('AdminAuditTrail', { filter, first, after })).auditTrail,
    auditVerify: async () => (await run<AdminAuditVerifyQuery>('AdminAuditVerify')).auditVerify,
    revokeToken: async (id: string) => (await run<AdminRevokeTokenMutation>('AdminRevokeToken', { id })).revokeToken,
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
