// What a case's `people` hook gets: the population to build its own households in, the integrity
// plant stream (shared by every case, in registry order), and the planted set it builds (one at the
// demo size, one more per 5,000 persons; ids of later sets get a -2, -3… suffix).
import type { Population } from '../world/population.js';
import type { Rng } from '../world/prng.js';
import type { Person, Village } from '../world/world.js';

export interface PeopleCtx {
  pop: Population;
  rng: Rng;
  /** Every village, by index. */
  villages: number[];
  world: { villages: Village[] };
  set: number;
}

/** Planted sets grow with the county: one at the demo size, one more per 5,000 persons. */
export const plantedSets = (persons: number): number => 1 + Math.floor(persons / 5000);

export const tag = (ctx: PeopleCtx, id: string): string => (ctx.set === 0 ? id : `${id}-${ctx.set + 1}`);

/** The i-th bureau of a case's list, turned by the planted set so later sets spread over the units. */
export const bureauOf =
  (list: readonly string[], ctx: PeopleCtx) =>
  (i: number): string =>
    list[(ctx.set + i) % list.length] as string;

/** A person living alone in a random village. */
export function alone(ctx: PeopleCtx, age: number, male = true, name?: string): Person {
  return ctx.pop.household(ctx.rng.pick(ctx.villages), [{ rel: '02', male, age, ...(name ? { name } : {}) }], true)[0] as Person;
}

/** A married couple in a household of their own. */
export function couple(ctx: PeopleCtx, age: number): Person[] {
  const hh = ctx.pop.household(
    ctx.rng.pick(ctx.villages),
    [
      { rel: '02', male: true, age },
      { rel: '10', male: false, age: age - 2 },
    ],
    true,
  );
  ctx.pop.marry(hh[0] as Person, hh[1] as Person, undefined, true);
  return hh;
}

/** A household of [relation code, male, age]; a wife (10/12) is married to the head. */
export function family(ctx: PeopleCtx, village: number, specs: [string, boolean, number][]): Person[] {
  const ps = ctx.pop.household(
    village,
    specs.map(([rel, male, age]) => ({ rel, male, age })),
    true,
  );
  const head = ps[0] as Person;
  const wife = ps.find((p, i) => i > 0 && (p.rel === '10' || p.rel === '12'));
  if (wife) ctx.pop.marry(head.male ? head : wife, head.male ? wife : head, undefined, true);
  return ps;
}

/** Rural villages (welfare cases live there), and urban communities. */
export const rural = (ctx: PeopleCtx): number[] => ctx.world.villages.filter((x) => !x.community).map((x) => x.idx);
export const urban = (ctx: PeopleCtx): number[] => ctx.world.villages.filter((x) => x.community).map((x) => x.idx);
