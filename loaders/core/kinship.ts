// Derived kinship from household registers (docs/sources.md "Derived kinship"). The register only says how
// each member relates to the head (GB/T 4761 code); the pairs the models need (the head's son and daughter
// are siblings) are derived here, in TS so the rules are unit-testable, and written with MERGE so the
// derivation is idempotent. Each pair is written in both directions, `relation` seen from the start node.
import type { Executor } from '../../platform/db/executor.js';

export interface Member {
  id: string;
  code: string | null;
}
export interface KinPair {
  from: string;
  to: string;
  relation: string;
  category: '夫妻' | '直系血亲' | '旁系血亲' | '近姻亲';
  generation: number | null;
}

const range = (a: number, b: number, ...more: number[]) =>
  new Set([...Array.from({ length: b - a + 1 }, (_, i) => String(a + i).padStart(2, '0')), ...more.map(String)]);
const SPOUSE = range(10, 12);
const SON = range(20, 27, 29);
const DAUGHTER = range(30, 37, 39);
const SON_IN_LAW = new Set(['28']);
const DAUGHTER_IN_LAW = new Set(['38']);
const GRANDCHILD = range(41, 44);
const PARENT = range(51, 52);
const SIBLING = new Set(['71', '73', '75', '77']);

export function deriveHouseholdKin(members: Member[]): KinPair[] {
  const withCode = (set: Set<string>) => members.filter((m) => m.code !== null && set.has(m.code));
  // 02 户主 is the head; registers that only use 01 本人 for the registrant mean the same person.
  const head = members.find((m) => m.code === '02') ?? members.find((m) => m.code === '01');
  if (!head) return [];
  const out: KinPair[] = [];
  const both = (a: Member, b: Member, ab: string, ba: string, category: KinPair['category'], generation: number | null) => {
    if (a.id === b.id) return;
    out.push({ from: a.id, to: b.id, relation: ab, category, generation }, { from: b.id, to: a.id, relation: ba, category, generation });
  };
  const sons = withCode(SON);
  const daughters = withCode(DAUGHTER);
  const children = [...sons, ...daughters];
  for (const s of withCode(SPOUSE)) both(head, s, 'spouse', 'spouse', '夫妻', null);
  for (const c of children) both(head, c, 'child', 'parent', '直系血亲', 2);
  for (let i = 0; i < children.length; i++)
    for (let j = i + 1; j < children.length; j++) both(children[i]!, children[j]!, 'sibling', 'sibling', '旁系血亲', 2);
  const inLaws = [...withCode(SON_IN_LAW), ...withCode(DAUGHTER_IN_LAW)];
  for (const x of inLaws) both(head, x, 'child_spouse', 'spouse_parent', '近姻亲', null);
  // 子 + 儿媳 and 女 + 女婿 are spouses only when the pairing is unambiguous (one of each); with two sons
  // and one 儿媳 the register does not say whose wife she is, and a wrong KIN edge is worse than none.
  const dil = withCode(DAUGHTER_IN_LAW);
  if (dil.length === 1 && sons.length === 1) both(sons[0]!, dil[0]!, 'spouse', 'spouse', '夫妻', null);
  const sil = withCode(SON_IN_LAW);
  if (sil.length === 1 && daughters.length === 1) both(daughters[0]!, sil[0]!, 'spouse', 'spouse', '夫妻', null);
  for (const g of withCode(GRANDCHILD)) both(head, g, 'grandchild', 'grandparent', '直系血亲', 3);
  for (const p of withCode(PARENT)) both(head, p, 'parent', 'child', '直系血亲', 2);
  for (const s of withCode(SIBLING)) both(head, s, 'sibling', 'sibling', '旁系血亲', 2);
  return out;
}

// Households per read and KIN pairs per write transaction: a county of 100,000 persons is about 30,000
// households and 150,000 pairs, so a handful of round trips instead of a hundred.
const PAGE = 5000;
const WRITE_BATCH = 10_000;
export const KIN_SOURCE_HUKOU = '户籍';

const READ_PAGE = `
MATCH (h:Household) WHERE h.hhNo > $after
WITH h ORDER BY h.hhNo LIMIT ${PAGE}
OPTIONAL MATCH (p:Person)-[m:MEMBER_OF]->(h)
WITH h, collect(CASE WHEN p IS NULL THEN NULL ELSE {id: p.idNo, code: m.relToHead} END) AS members
RETURN h.hhNo AS hh, h._file AS file, h._run AS run, members ORDER BY hh`;

const WRITE = `
UNWIND $pairs AS k
MATCH (a:Person {idNo: k.from})
MATCH (b:Person {idNo: k.to})
MERGE (a)-[r:KIN {relation: k.relation, source: $kinSource}]->(b)
SET r.category = k.category, r.generation = toInteger(k.generation),
    r._source = 'hukou', r._derived = 'householdKin', r._file = k.file, r._run = k.run, r._row = null`;

/** Derives and writes KIN for every household in the graph; returns how many KIN relationships were merged (both directions counted). */
export async function writeHouseholdKin(executor: Executor): Promise<{ households: number; relationships: number }> {
  type Page = { hh: string; file: string | null; run: string | null; members: Member[] }[];
  const read = async (after: string): Promise<Page> => (await executor.read<Page[number]>(READ_PAGE, { after })).rows;
  let households = 0;
  let relationships = 0;
  // The next page is read while this one's KIN are written: members come from MEMBER_OF only, which the
  // KIN writes do not touch, so the read sees the same data it would see after the write.
  let next: Promise<Page> | undefined = read('');
  while (next) {
    const rows: Page = await next;
    if (rows.length === 0) break;
    next = rows.length < PAGE ? undefined : read(rows[rows.length - 1]!.hh);
    // A failed write must not leave the read-ahead's failure unobserved.
    next?.catch(() => undefined);
    const pairs = rows.flatMap((r) => deriveHouseholdKin(r.members).map((p) => ({ ...p, file: r.file, run: r.run })));
    for (let i = 0; i < pairs.length; i += WRITE_BATCH) {
      await executor.writeTx([{ cypher: WRITE, params: { pairs: pairs.slice(i, i + WRITE_BATCH), kinSource: KIN_SOURCE_HUKOU } }]);
    }
    households += rows.length;
    relationships += pairs.length;
  }
  return { households, relationships };
}
