// Statements cross to the clients' thread by structured clone, which keeps plain data and drops classes:
// a neo4j Integer (what `int()` makes for LIMIT and SKIP) would arrive as {low, high} and be sent to Neo4j
// as a map. Integers go tagged and come back as Integers; any other class instance is refused, so a
// replay never sends something other than what the API sent.
import neo4j from 'neo4j-driver';
import type { Statement } from './recorder.js';

const TAG = '$neo4jInt';

function encode(v: unknown): unknown {
  if (neo4j.isInt(v)) return { [TAG]: v.toString() };
  if (Array.isArray(v)) return v.map(encode);
  if (v && typeof v === 'object') {
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new Error(`cannot send a ${v.constructor.name} to the clients' thread`);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
  }
  return v;
}

function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === TAG) return neo4j.int(String(o[TAG]));
    return Object.fromEntries(keys.map((k) => [k, decode(o[k])]));
  }
  return v;
}

export const encodeWaves = (waves: Statement[][]): Statement[][] => waves.map((w) => w.map((s) => ({ ...s, args: s.args.map(encode) })));

export const decodeWaves = (waves: Statement[][]): Statement[][] => waves.map((w) => w.map((s) => ({ ...s, args: s.args.map(decode) })));
