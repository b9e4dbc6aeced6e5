// The shape a case module has. A case file under cases/<domain>/ is named like its model's .cypher
// file and holds the model's planting, its near misses and its independent brute-force oracle; its
// defaults come from the model header (defaults.ts).
import type { CompanyFactory } from '../world/companies.js';
import type { DirectTools } from '../world/direct-awards.js';
import type { Population } from '../world/population.js';
import type { Records } from '../world/records.js';
import type { RegTools } from '../world/regulation.js';
import type { Bid, Company, Person, World } from '../world/world.js';
import type { Found, PlantedCase } from './case.js';
import type { PeopleCtx } from './people.js';
import type { Finish } from './plant-context.js';
import type { Planter } from './planter.js';

/** A model's case file. The generator calls the hooks in registry order (registry.ts), phase by phase,
 * so every case draws from the PRNG streams exactly where it always has. */
export interface CaseModule {
  /** The model's id in its .cypher header (cypher/models/<domain>/<name>.cypher). */
  readonly model: string;
  /** Once, before anyone else: households of its own on its own stream, then its posts and tenders (M03). */
  early?(ctx: EarlyCtx): EarlySteps;
  /** For each planted set: households of its own, before the background; the returned step adds posts,
   * companies and records once the county stands. */
  people?(ctx: PeopleCtx): Finish;
  /** Cases among the bids and awards, after the background tenders. */
  bidding?(pl: Planter): void;
  /** Cases among the direct awards, after the background vouchers. */
  direct?(pl: Planter, tools: DirectTools): void;
  /** Cases among the inspections, after the background ones. */
  regulation?(pl: Planter, tools: RegTools): void;
  /** Pair models on one lot: do these two bids meet the model? The oracle and the bid clean-up walk
   * each lot once for all of them (lot-pairs.ts). */
  lotPair?(w: World): (a: Bid, b: Bid) => boolean;
  /** Integrity and welfare: record a match that no case planted and no other plant made as background,
   * rather than refuse the county. */
  recordsBackground?: boolean;
  /** Independent of the model's Cypher on purpose: every alert the model must raise with its defaults. */
  oracle(world: World, records: Records): Found[];
}

export interface EarlyCtx {
  seed: number;
  pop: Population;
  villages: number[];
}
export interface EarlySteps {
  /** After the background posts: the case's own posts. */
  posts(world: World): void;
  /** After the background companies: the case's firms, tenders, bids and awards. */
  awards(ctx: { world: World; factory: CompanyFactory; people: Person[]; bidderPool: Company[] }): PlantedCase[];
}
