// The statistics page's and the list screening's operations (server/graphql/stats, model, risk, source and
// screen). Typed by `npm run codegen` like queries.ts; test/unit/graphql/contract.test.ts validates them
// through OPERATIONS.
import { runnerOf, type Fetch, type Runner } from './client.js';
import type { StatsOverviewQuery, StatsScreenQuery, StatsUnitsQuery } from './generated.js';

const OVERVIEW = /* GraphQL */ `
  query StatsOverview($units: Int, $risk: Int) {
    alertBreakdown(units: $units) {
      total
      byModel {
        key
        count
      }
      byState {
        key
        count
      }
      byUnit {
        key
        label
        count
      }
      byMonth {
        key
        count
      }
    }
    workflow {
      states {
        code
        zh
        en
      }
    }
    models {
      id
      titleZh
      titleEn
      stats {
        alerts
        concluded
        confirmed
        partlyConfirmed
        hitRate
        medianDaysToConclusion
        byRevision {
          revision
          alerts
          concluded
          hitRate
          medianDaysToConclusion
        }
      }
    }
    riskRanking(limit: $risk) {
      entity {
        id
        label
        caption
      }
      score
      alerts
      models
      amount
    }
    loadRuns(limit: 20) {
      id
      source
      file
      startedAt
      durationMs
      rowsRead
      rowsLoaded
      rowsRejected
      status
    }
  }
`;

const SCREEN = /* GraphQL */ `
  query StatsScreen($entries: [String!]!, $unit: ID) {
    screen(entries: $entries, unit: $unit) {
      index
      kind
      status
      problem
      candidates {
        id
        label
        caption
      }
      openAlerts {
        id
        modelTitle
        severity
      }
      concludedAlerts {
        id
        modelTitle
        state
      }
      links {
        hops
        official {
          id
          caption
        }
        route {
          id
          caption
        }
        types
      }
    }
  }
`;

// The tendering unit is chosen by name: Org search hits.
const UNITS = /* GraphQL */ `
  query StatsUnits($q: String!) {
    search(q: $q, labels: ["Org"], limit: 10) {
      entity {
        id
        caption
      }
    }
  }
`;

export const STATS_OPERATIONS = { StatsOverview: OVERVIEW, StatsScreen: SCREEN, StatsUnits: UNITS } as const;

export type StatsOverview = StatsOverviewQuery;
export type ScreenRow = StatsScreenQuery['screen'][number];

export function createStatsApi(transport: Fetch | { run: Runner }) {
  const run = runnerOf(transport);
  return {
    overview: (units = 15, risk = 20) => run<StatsOverviewQuery>('StatsOverview', OVERVIEW, { units, risk }),
    screen: async (entries: string[], unit: string | null) =>
      (await run<StatsScreenQuery>('StatsScreen', SCREEN, { entries, unit })).screen,
    units: async (q: string) => (await run<StatsUnitsQuery>('StatsUnits', UNITS, { q })).search.map((hit) => hit.entity),
  };
}
export type StatsApi = ReturnType<typeof createStatsApi>;
