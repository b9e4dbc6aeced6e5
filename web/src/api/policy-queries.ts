// The site policy page's operations (server/graphql/policy/schema.graphql): the policy (runModels to read,
// managePolicy to change), the 豁免名单 (manageExemptions) and model packages (exportModels; review and
// import need managePolicy). The server checks each permission again. Typed by `npm run codegen`.
import { runnerOf, type Fetch, type Runner } from './client.js';
import type {
  ExemptionInput,
  PolicyAddExemptionMutation,
  PolicyExemptionsQuery,
  PolicyExportModelsQuery,
  PolicyImportPackageMutation,
  PolicyRemoveExemptionMutation,
  PolicyReviewPackageQuery,
  PolicySetModelMutation,
  PolicySiteQuery,
} from './generated.js';

const REVIEW_FIELDS = /* GraphQL */ `
  fragment PolicyReviewFields on ModelPackageReview {
    hash
    source
    createdAt
    ok
    problems
    written
    models {
      id
      revision
      status
      siteRevision
      diff
      problems
      stats
    }
  }
`;

export const POLICY_OPERATIONS = {
  PolicySite: /* GraphQL */ `
    query PolicySite {
      sitePolicy {
        file
        hash
        dailyAt
        models {
          modelId
          titleZh
          titleEn
          params
          siteParams
          parameters {
            name
            type
            default
            value
            tuned
            fromSite
          }
        }
      }
    }
  `,
  PolicySetModel: /* GraphQL */ `
    mutation PolicySetModel($model: String!, $params: JSON!, $reason: String!) {
      setModelPolicy(model: $model, params: $params, reason: $reason) {
        modelId
        params
      }
    }
  `,
  PolicyExemptions: /* GraphQL */ `
    query PolicyExemptions($includeExpired: Boolean) {
      exemptions(includeExpired: $includeExpired) {
        id
        subject
        model
        reason
        expires
        createdBy
        createdAt
        valid
      }
    }
  `,
  PolicyAddExemption: /* GraphQL */ `
    mutation PolicyAddExemption($input: ExemptionInput!) {
      addExemption(input: $input) {
        id
      }
    }
  `,
  PolicyRemoveExemption: /* GraphQL */ `
    mutation PolicyRemoveExemption($id: ID!, $reason: String!) {
      removeExemption(id: $id, reason: $reason) {
        id
      }
    }
  `,
  PolicyExportModels: /* GraphQL */ `
    query PolicyExportModels($ids: [String!]!) {
      exportModels(ids: $ids)
    }
  `,
  PolicyReviewPackage: /* GraphQL */ `
    ${REVIEW_FIELDS}
    query PolicyReviewPackage($package: String!) {
      reviewModelPackage(package: $package) {
        ...PolicyReviewFields
      }
    }
  `,
  PolicyImportPackage: /* GraphQL */ `
    ${REVIEW_FIELDS}
    mutation PolicyImportPackage($package: String!) {
      importModelPackage(package: $package) {
        ...PolicyReviewFields
      }
    }
  `,
} as const;

export type SitePolicyView = PolicySiteQuery['sitePolicy'];
export type ExemptionRow = PolicyExemptionsQuery['exemptions'][number];
export type PackageReviewView = PolicyReviewPackageQuery['reviewModelPackage'];

export function createPolicyApi(transport: Fetch | { run: Runner }) {
  const send = runnerOf(transport);
  const run = <T>(op: keyof typeof POLICY_OPERATIONS, vars: Record<string, unknown> = {}) => send<T>(op, POLICY_OPERATIONS[op], vars);
  return {
    site: async () => (await run<PolicySiteQuery>('PolicySite')).sitePolicy,
    setModel: async (model: string, params: Record<string, unknown>, reason: string) =>
      (await run<PolicySetModelMutation>('PolicySetModel', { model, params, reason })).setModelPolicy,
    exemptions: async (includeExpired = false) => (await run<PolicyExemptionsQuery>('PolicyExemptions', { includeExpired })).exemptions,
    addExemption: async (input: ExemptionInput) => (await run<PolicyAddExemptionMutation>('PolicyAddExemption', { input })).addExemption,
    removeExemption: async (id: string, reason: string) =>
      (await run<PolicyRemoveExemptionMutation>('PolicyRemoveExemption', { id, reason })).removeExemption,
    exportModels: async (ids: string[]) => (await run<PolicyExportModelsQuery>('PolicyExportModels', { ids })).exportModels,
    reviewPackage: async (pkg: string) => (await run<PolicyReviewPackageQuery>('PolicyReviewPackage', { package: pkg })).reviewModelPackage,
    importPackage: async (pkg: string) =>
      (await run<PolicyImportPackageMutation>('PolicyImportPackage', { package: pkg })).importModelPackage,
  };
}

export type PolicyApi = ReturnType<typeof createPolicyApi>;
