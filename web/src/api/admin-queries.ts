// The admin pages' operations: users, units and bearer tokens (server/graphql/access/schema.graphql; each
// needs the manageAccess permission, which the server checks), and the audit trail
// (server/graphql/audit/schema.graphql; readAudit), and the feed registry with a delivery's rejects
// (server/graphql/feed/schema.graphql; deliveryRejects needs readRejects), and entity resolution
// (server/graphql/resolution/schema.graphql; resolveEntities). Typed by `npm run codegen` like queries.ts;
// test/unit/graphql/contract.test.ts validates them through OPERATIONS.
import { runnerOf, type Fetch, type Runner } from './client.js';
import type {
  AdminCandidatesQuery,
  AdminDecideCandidateMutation,
  CandidateStatus,
  ResolutionAction,
  AdminDeliveryRejectsQuery,
  AdminFeedQuery,
  AdminFeedsQuery,
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

const CANDIDATE_FIELDS = /* GraphQL */ `
  fragment AdminCandidateRecord on CandidateRecord {
    uid
    label
    held
    merged
    name
    birthDate
    gender
    idNoMasked
    address
    code
    source
    file
    row
  }
  fragment AdminCandidateFields on ResolutionCandidate {
    id
    kind
    status
    score
    reasons
    survivor
    a {
      ...AdminCandidateRecord
    }
    b {
      ...AdminCandidateRecord
    }
    decisions {
      action
      by
      at
      reason
    }
  }
`;

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

const FEED_DELIVERY = /* GraphQL */ `
  fragment AdminFeedDelivery on FeedDelivery {
    id
    date
    rowsRead
    rowsLoaded
    rowsRejected
    rejectRate
    filesRefused
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
  AdminFeeds: /* GraphQL */ `
    query AdminFeeds {
      feeds {
        id
        titleZh
        titleEn
        department {
          ref
          name
        }
        responsible {
          ref
          uid
          name
        }
        mappings
        cadence
        delivery
        rejectRateMax
        contact
        nextDue
        overdue
        rejectsOver
        rejectRate
        lastDelivery {
          ...AdminFeedDelivery
        }
        deliveries(last: 12) {
          ...AdminFeedDelivery
        }
      }
    }
    ${FEED_DELIVERY}
  `,
  AdminFeed: /* GraphQL */ `
    query AdminFeed($id: ID!) {
      feed(id: $id) {
        id
        deliveries(last: 50) {
          ...AdminFeedDelivery
          runs {
            id
            source
            file
            startedAt
            rowsRead
            rowsLoaded
            rowsRejected
            rowsAside
            hasRejects
            status
            reason
          }
        }
      }
    }
    ${FEED_DELIVERY}
  `,
  AdminDeliveryRejects: /* GraphQL */ `
    query AdminDeliveryRejects($runId: ID!, $first: Int, $after: String) {
      deliveryRejects(runId: $runId, first: $first, after: $after) {
        rows {
          n
          file
          row
          column
          value
          reason
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  AdminCandidates: /* GraphQL */ `
    query AdminCandidates($status: CandidateStatus, $first: Int, $after: String) {
      resolutionCandidates(status: $status, first: $first, after: $after) {
        nodes {
          ...AdminCandidateFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
    ${CANDIDATE_FIELDS}
  `,
  AdminDecideCandidate: /* GraphQL */ `
    mutation AdminDecideCandidate($id: ID!, $action: ResolutionAction!, $reason: String!) {
      decideResolutionCandidate(id: $id, action: $action, reason: $reason) {
        ...AdminCandidateFields
      }
    }
    ${CANDIDATE_FIELDS}
  `,
} as const;

export type AdminUser = AdminUsersQuery['users'][number];
export type AdminToken = AdminTokensQuery['tokens'][number];
export type Unit = AdminUnitsQuery['units'][number];
export type AuditRecord = AdminAuditTrailQuery['auditTrail']['records'][number];
export type AuditCheck = AdminAuditVerifyQuery['auditVerify'];
export type FeedRow = AdminFeedsQuery['feeds'][number];
export type FeedDeliveryRow = NonNullable<AdminFeedQuery['feed']>['deliveries'][number];
export type RejectRow = AdminDeliveryRejectsQuery['deliveryRejects']['rows'][number];
export type CandidateRow = AdminCandidatesQuery['resolutionCandidates']['nodes'][number];
export type CandidateSide = NonNullable<CandidateRow['a']>;

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
    feeds: async () => (await run<AdminFeedsQuery>('AdminFeeds')).feeds,
    feed: async (id: string) => (await run<AdminFeedQuery>('AdminFeed', { id })).feed,
    deliveryRejects: async (runId: string, first = 100, after: string | null = null) =>
      (await run<AdminDeliveryRejectsQuery>('AdminDeliveryRejects', { runId, first, after })).deliveryRejects,
    candidates: async (status: CandidateStatus | null, first = 50, after: string | null = null) =>
      (await run<AdminCandidatesQuery>('AdminCandidates', { status, first, after })).resolutionCandidates,
    decideCandidate: async (id: string, action: ResolutionAction, reason: string) =>
      (await run<AdminDecideCandidateMutation>('AdminDecideCandidate', { id, action, reason })).decideResolutionCandidate,
    revokeToken: async (id: string) => (await run<AdminRevokeTokenMutation>('AdminRevokeToken', { id })).revokeToken,
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
