// Derived kinship from household registers (docs/sources.md "Derived kinship"). The register only says how
// each member relates to the head (GB/T 4761 code); the pairs the models need (the head's son and daughter
// are siblings) are derived here, in TS so the rules are unit-testable, and written with MERGE so the
// derivation is idempotent. Each pair is written in both directions, `relation` seen from the start node.
import type { Executor } from '../../platform/db/executor.js';

export interface Member {
  id: string;
  code: string | null;
}
export type KinCategory = '夫妻' | '直系血亲' | '旁系血亲' | '近姻亲';
export interface KinPair {
  from: string;
  to: string;
  relation: string;
  category: KinCategory;
  generation: number | null;
  /**
   * The register does not say the tie is by blood: a 继/养 code (27, 37, 57, 58), or a pair derived through
   * the head (the head's spouse and the head's children may be step-parent and step-child). Either way the
   * pair is inside the avoidance scope (直系血亲, or 近姻亲 for a step-parent without 抚养); the flag lets a
   * handler and a model tell the two apart.
   */
  mayBeStep: boolean;
}

const range = (a: number, b: number, ...more: number[]) =>
  new Set([...Array.from({ length: b - a + 1 }, (_, i) => String(a + i).padStart(2, '0')), ...more.map(String)]);

/** Where a 与户主关系 code puts a member relative to the head (GB/T 4761-2008; catalog §5.3). */
type Place =
  | 'spouse'
  | 'child'
  | 'childSpouse'
  | 'grandchild'
  | 'parent'
  | 'spouseParent'
  | 'grandparent'
  | 'sibling'
  | 'siblingSpouse'
  | 'uncleAunt'
  | 'uncleAuntSpouse'
  | 'cousin'
  | 'nephewNiece';
const PLACES: [Place, Set<string>][] = [
  ['spouse', range(10, 12)],
  // 20 子 and 30 女 with their sub-codes; 28 女婿 and 38 儿媳 are in-laws, not children.
  ['child', range(20, 27, 29, 30, 31, 32, 33, 34, 35, 36, 37, 39)],
  ['childSpouse', new Set(['28', '38'])],
  // 40 孙辈, 41-44, 49 其他孙辈; 45/46 (孙媳/孙女婿) and 47/48 (曾孙) are outside every scope the models use.
  ['grandchild', range(40, 44, 49)],
  ['parent', new Set(['50', '51', '52', '57', '58', '59'])],
  // 53 公公, 54 婆婆, 55 岳父, 56 岳母: the spouse's parents.
  ['spouseParent', range(53, 56)],
  ['grandparent', range(60, 64)],
  ['sibling', new Set(['70', '71', '73', '75', '77', '79'])],
  ['siblingSpouse', new Set(['72', '74', '76', '78'])],
  // 81 伯父, 83 叔父, 85 舅父, 88 姨母, 90 姑母 by blood; 82, 84, 86, 87, 89 are their spouses.
  ['uncleAunt', new Set(['81', '83', '85', '88', '90'])],
  ['uncleAuntSpouse', new Set(['82', '84', '86', '87', '89'])],
  ['cousin', new Set(['91', '92'])],
  ['nephewNiece', range(93, 96)],
];
const STEP_CODES = new Set(['27', '37', '57', '58']);
const SON = range(20, 27, 29);
const DAUGHTER = range(30, 37, 39);

/**
 * One kind of tie: what B is to A (`ab`), what A is to B (`ba`), the category and generation (catalog §5.2,
 * generation counted as the 回避 rules count it). Relations are the keys models list in `kinRelations`.
 */
type Tie = [ab: string, ba: string, category: KinCategory, generation: number | null];
const TIES = {
  spouse: ['spouse', 'spouse', '夫妻', null],
  child: ['child', 'parent', '直系血亲', 2],
  parent: ['parent', 'child', '直系血亲', 2],
  grandchild: ['grandchild', 'grandparent', '直系血亲', 3],
  grandparent: ['grandparent', 'grandchild', '直系血亲', 3],
  sibling: ['sibling', 'sibling', '旁系血亲', 2],
  uncleAunt: ['uncle_aunt', 'nephew_niece', '旁系血亲', 3],
  nephewNiece: ['nephew_niece', 'uncle_aunt', '旁系血亲', 3],
  cousin: ['cousin', 'cousin', '旁系血亲', 3],
  childSpouse: ['child_spouse', 'spouse_parent', '近姻亲', null],
  spouseParent: ['spouse_parent', 'child_spouse', '近姻亲', null],
  // B is the spouse of A's sibling, uncle, aunt, cousin…: 三代以内旁系血亲的配偶; A is B's spouse's kin.
  collateralSpouse: ['collateral3_spouse', 'spouse_sibling', '近姻亲', null],
  spouseSibling: ['spouse_sibling', 'collateral3_spouse', '近姻亲', null],
  uncleAuntSpouse: ['collateral3_spouse', 'spouse_collateral3', '近姻亲', null],
} as const satisfies Record<string, Tie>;

/** What a member in each place is to the head. */
const HEAD_TIES: Record<Place, Tie> = {
  spouse: TIES.spouse,
  child: TIES.child,
  childSpouse: TIES.childSpouse,
  grandchild: TIES.grandchild,
  parent: TIES.parent,
  spouseParent: TIES.spouseParent,
  grandparent: TIES.grandparent,
  sibling: TIES.sibling,
  siblingSpouse: TIES.collateralSpouse,
  uncleAunt: TIES.uncleAunt,
  uncleAuntSpouse: TIES.uncleAuntSpouse,
  cousin: TIES.cousin,
  nephewNiece: TIES.nephewNiece,
};

/**
 * Ties between two members who are not the head, read through the head: [place of A, place of B, what B is
 * to A, may be step]. Only pairs the codes settle are listed: the head's spouse is the children's parent
 * (or step-parent), but with two children a grandchild may be either one's child, so child–grandchild is
 * derived only when there is one child (below), and grandchildren are not paired with each other.
 */
const THROUGH_HEAD: [Place, Place, Tie, boolean][] = [
  ['spouse', 'child', TIES.child, true],
  ['spouse', 'childSpouse', TIES.childSpouse, true],
  ['spouse', 'grandchild', TIES.grandchild, true],
  ['spouse', 'spouseParent', TIES.parent, false],
  ['spouse', 'parent', TIES.spouseParent, false],
  ['spouse', 'sibling', TIES.spouseSibling, false],
  ['child', 'child', TIES.sibling, false],
  ['child', 'parent', TIES.grandparent, false],
  ['child', 'spouseParent', TIES.grandparent, true],
  ['child', 'grandparent', ['great_grandparent', 'great_grandchild', '直系血亲', 4], false],
  ['child', 'sibling', TIES.uncleAunt, false],
  ['child', 'siblingSpouse', TIES.uncleAuntSpouse, false],
  ['parent', 'sibling', TIES.child, true],
  ['sibling', 'sibling', TIES.sibling, false],
  ['sibling', 'grandparent', TIES.grandparent, false],
];

/**
 * Ties the codes settle only on one side of the family: 祖父母 (61, 62) are the father's parents and 外祖父母
 * (63, 64) the mother's; 伯叔姑 (81, 83, 90) are the father's siblings and 舅姨 (85, 88) the mother's.
 * [codes of A, codes of B, what B is to A].
 */
const PATERNAL_UNCLES = new Set(['81', '83', '90']);
const MATERNAL_UNCLES = new Set(['85', '88']);
const BY_CODE: [Set<string>, Set<string>, Tie][] = [
  [new Set(['51']), new Set(['61', '62']), TIES.parent],
  [new Set(['52']), new Set(['63', '64']), TIES.parent],
  [new Set(['51']), PATERNAL_UNCLES, TIES.sibling],
  [new Set(['52']), MATERNAL_UNCLES, TIES.sibling],
  [new Set(['61', '62']), PATERNAL_UNCLES, TIES.child],
  [new Set(['63', '64']), MATERNAL_UNCLES, TIES.child],
];

/** Pairs named by the codes only when one of each is present: 子 + 儿媳, 兄 + 嫂, … */
const ONE_EACH: [Set<string>, Set<string>][] = [
  [SON, new Set(['38'])],
  [DAUGHTER, new Set(['28'])],
  [new Set(['71']), new Set(['72'])],
  [new Set(['73']), new Set(['74'])],
  [new Set(['75']), new Set(['76'])],
  [new Set(['77']), new Set(['78'])],
];

export function deriveHouseholdKin(members: Member[]): KinPair[] {
  // 02 户主 is the head; registers that only use 01 本人 for the registrant mean the same person.
  const head = members.find((m) => m.code === '02') ?? members.find((m) => m.code === '01');
  if (!head) return [];
  const at = new Map<Place, Member[]>(PLACES.map(([p]) => [p, []]));
  for (const m of members) {
    if (m === head || m.code === null) continue;
    const place = PLACES.find(([, codes]) => codes.has(m.code!))?.[0];
    if (place) at.get(place)!.push(m);
  }
  const out: KinPair[] = [];
  const seen = new Set<string>();
  const both = (a: Member, b: Member, [ab, ba, category, generation]: Tie, step: boolean) => {
    if (a.id === b.id) return;
    const mayBeStep = step || STEP_CODES.has(a.code ?? '') || STEP_CODES.has(b.code ?? '');
    for (const [from, to, relation] of [[a.id, b.id, ab] as const, [b.id, a.id, ba] as const]) {
      const k = `${from}\u0000${to}\u0000${relation}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ from, to, relation, category, generation, mayBeStep });
    }
  };
  for (const [place, tie] of Object.entries(HEAD_TIES) as [Place, Tie][]) for (const m of at.get(place)!) both(head, m, tie, false);
  for (const [pa, pb, tie, step] of THROUGH_HEAD) {
    const as = at.get(pa)!;
    const bs = at.get(pb)!;
    for (let i = 0; i < as.length; i++) for (let j = pa === pb ? i + 1 : 0; j < bs.length; j++) both(as[i]!, bs[j]!, tie, step);
  }
  const coded = (codes: Set<string>) => members.filter((m) => m !== head && m.code !== null && codes.has(m.code));
  for (const [xs, ys, tie] of BY_CODE) for (const a of coded(xs)) for (const b of coded(ys)) both(a, b, tie, false);
  // A spouse pairing is written only when the register leaves no doubt: with two sons and one 儿媳 it does
  // not say whose wife she is, and a wrong KIN edge is worse than none.
  for (const [xs, ys] of ONE_EACH) {
    const x = coded(xs);
    const y = coded(ys);
    if (x.length === 1 && y.length === 1) both(x[0]!, y[0]!, TIES.spouse, false);
  }
  // With one child of the head, every grandchild is that child's (or step-child's) child.
  const children = at.get('child')!;
  if (children.length === 1) for (const g of at.get('grandchild')!) both(children[0]!, g, TIES.child, true);
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
SET r.category = k.category, r.generation = toInteger(k.generation), r.mayBeStep = CASE WHEN k.mayBeStep THEN true END,
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
