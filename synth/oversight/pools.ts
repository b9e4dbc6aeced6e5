// Who the two oversight sources draw on: officials in post at the snapshot (被反映人, 经办人) and adult
// residents without a post (反映人). Planted persons of other cases are left out, so a petition or an
// approval never touches another model's case; each case of these sources takes its people off the front
// of a shuffled pool, the background the rest.
import { ageOn, SNAPSHOT } from '../world/dates.js';
import type { Rng } from '../world/prng.js';
import type { World } from '../world/world.js';

export interface Pools {
  /** Person indices of officials in post at the snapshot, with the unit of one current post. */
  officials: { person: number; org: number; title: string }[];
  /** Person indices of adult residents without a post. */
  residents: number[];
}

export function pools(world: World, rng: Rng): Pools {
  const alive = (i: number) => {
    const p = world.persons[i]!;
    return !p.planted && !p.cancel && ageOn(p.birth, SNAPSHOT) >= 22 && ageOn(p.birth, SNAPSHOT) <= 75;
  };
  const inPost = new Map<number, { person: number; org: number; title: string }>();
  for (const post of world.posts)
    if (
      !post.planted &&
      post.from <= SNAPSHOT &&
      (post.to === undefined || post.to > SNAPSHOT) &&
      alive(post.person) &&
      !inPost.has(post.person)
    )
      inPost.set(post.person, { person: post.person, org: post.org, title: post.title });
  const everPosted = new Set(world.posts.map((p) => p.person));
  const residents = world.persons.filter((p) => !everPosted.has(p.idx) && alive(p.idx)).map((p) => p.idx);
  return { officials: rng.shuffle([...inPost.values()]), residents: rng.shuffle(residents) };
}

/** Takes people off the front of a pool, failing loudly when a county is too small for its cases. */
export function taker<T>(pool: T[], what: string) {
  let next = 0;
  return {
    take(): T {
      const v = pool[next++];
      if (v === undefined) throw new Error(`synth: not enough ${what} for the oversight cases (${pool.length})`);
      return v;
    },
    rest: () => pool.slice(next),
  };
}
