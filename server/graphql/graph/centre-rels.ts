// The relationships between a neighbours page and its centre, sent compactly. A hub's page of 50
// recipients carries about 500 monthly payments with a dozen properties each, and decoding them as maps
// cost the API's thread about 30 ms of CPU per call in the driver (docs/bench.md "API"): every map sends
// every key again. Here the keys go once, each relationship as a list of values in their order, and the
// centre's uid is not repeated; Neo4j stores no null property, so a null value is an absent key.
import type { RelRow } from '../entity/present.js';

/** One relationship: its type, whether it starts at the centre, the other end's uid, its elementId, its values. */
export type CentreRel = [string, boolean, string, string, unknown[]];

/**
 * Cypher expressions over `found`, a list of [relationship, other end's uid] pairs, and `c`, the centre:
 * the keys of all of them (`keys`) and each as a CentreRel (`rels`). `found` and `c` are the caller's
 * variables, never input.
 */
export const CENTRE_REL_KEYS = `reduce(ks = [], f IN found | ks + [k IN keys(f[0]) WHERE NOT k IN ks])`;
export const centreRels = (keys: string) =>
  `[f IN found | [type(f[0]), startNode(f[0]) = c, f[1], elementId(f[0]), [k IN ${keys} | f[0][k]]]]`;

/** The rows presentRels takes, rebuilt. */
export function relRowsOf(centre: string, keys: string[], rels: CentreRel[]): RelRow[] {
  return rels.map(([type, fromCentre, other, eid, values]) => {
    const props: Record<string, unknown> = {};
    values.forEach((v, i) => {
      if (v !== null) props[keys[i]!] = v;
    });
    return { type, source: fromCentre ? centre : other, target: fromCentre ? other : centre, props, eid };
  });
}
