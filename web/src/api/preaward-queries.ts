// The pre-award check's operations (server/graphql/preaward): 投标前核查 of one lot, and finding the lot by
// name or number. Typed by `npm run codegen` like queries.ts; test/unit/graphql/contract.test.ts validates
// them through PREAWARD_OPERATIONS.
import { runnerOf, type Fetch, type Runner } from './client.js';
import { EDGE_FIELDS, ENTITY_FIELDS } from './queries.js';
import type { ExplorerLotsQuery, ExplorerPreAwardCheckQuery } from './generated.js';

export const PRE_AWARD_CHECK = /* GraphQL */ `
  query ExplorerPreAwardCheck($lot: ID!, $on: String) {
    preAwardCheck(lot: $lot, on: $on) {
      lot {
        ...EntityFields
      }
      unit {
        id
        caption
      }
      officials
      kinRelations
      leadersOnly
      bidders {
        company {
          id
          caption
        }
        bid {
          id
          caption
        }
        on
        links {
          kind
          relation
          via
          official {
            id
            caption
          }
          paths {
            route {
              ...EntityFields
            }
            types
            edges {
              ...EdgeFields
            }
          }
        }
      }
    }
  }
  ${ENTITY_FIELDS}
  ${EDGE_FIELDS}
`;

// A lot is a Project: found by its name or its 项目编号 like any entity.
export const LOTS = /* GraphQL */ `
  query ExplorerLots($q: String!) {
    search(q: $q, labels: ["Project"], limit: 10) {
      entity {
        id
        caption
        properties
      }
    }
  }
`;

export const PREAWARD_OPERATIONS = { ExplorerPreAwardCheck: PRE_AWARD_CHECK, ExplorerLots: LOTS } as const;

export type PreAwardCheck = ExplorerPreAwardCheckQuery['preAwardCheck'];
export type PreAwardBidder = PreAwardCheck['bidders'][number];
export type PreAwardLink = PreAwardBidder['links'][number];
export type PreAwardPath = PreAwardLink['paths'][number];
export type LotHit = ExplorerLotsQuery['search'][number]['entity'];

export function createPreAwardApi(transport: Fetch | { run: Runner }) {
  const run = runnerOf(transport);
  return {
    /** `on` null: each bid's own date. */
    check: async (lot: string, on: string | null) =>
      (await run<ExplorerPreAwardCheckQuery>('ExplorerPreAwardCheck', PRE_AWARD_CHECK, { lot, on })).preAwardCheck,
    lots: async (q: string) => (await run<ExplorerLotsQuery>('ExplorerLots', LOTS, { q })).search.map((hit) => hit.entity),
  };
}
export type PreAwardApi = ReturnType<typeof createPreAwardApi>;
