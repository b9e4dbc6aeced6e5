// An entity's degree: its relationships to other entities. Every relationship type graph.yaml declares
// joins two entities (bookkeeping nodes have none), so counting those types counts the same thing as
// `COUNT { (n)--(:Entity) }`, and Neo4j answers it from the node's degree store per type instead of
// expanding every relationship to test the label at its other end: 169,891 of them for a welfare
// programme, paid for by every view that showed it as a neighbour (docs/bench.md "API").
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import { link, relPattern } from './inputs.js';

/** `COUNT { … }` of the relationships of the node bound to `n` (a variable of the caller's query, never input). */
export const degreeOf = (schema: GraphSchema, n: string): string =>
  `COUNT { (${n})${link('BOTH', relPattern('', Object.keys(schema.relationships)))}() }`;
