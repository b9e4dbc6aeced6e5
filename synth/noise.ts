// Noise: the spellings and faults real department files carry. Decided with its own PRNG stream
// at write time, so the entities are identical with noise on or off (generate once with
// noise:false to get every canonical value). Rows of planted cases are immune and always written
// canonically. Everything a loader should reject or normalise is logged for truth.json.
import { wrongIdCheckChar } from './world/checksums.js';
import { DATE_STYLES, formatDay, ymd, type Day, type DateStyle } from './world/dates.js';
import type { Person } from './world/world.js';
import { cumulate, type Rng } from './world/prng.js';

export interface NoiseItem {
  file: string;
  row: number;
  column: string;
  value: string;
  canonical: string;
}
export interface NoiseLog {
  invalidIds: NoiseItem[];
  legacyIds: NoiseItem[];
  fullWidthIds: NoiseItem[];
  lowerCaseX: NoiseItem[];
  amounts: NoiseItem[];
  capitals: NoiseItem[];
  ratios: NoiseItem[];
  booleans: NoiseItem[];
  duplicateRows: { file: string; row: number; duplicateOf: number }[];
  danglingAwards: { file: string; row: number; projectCode: string }[];
  /** Per file, how many date cells were written in each spelling. */
  dateStyles: Record<string, Partial<Record<DateStyle, number>>>;
  /** Per file, how many 与户主关系 cells carry the text (户主) instead of the code (02). */
  relationAsText: Record<string, number>;
}

export function emptyNoiseLog(): NoiseLog {
  return {
    invalidIds: [],
    legacyIds: [],
    fullWidthIds: [],
    lowerCaseX: [],
    amounts: [],
    capitals: [],
    ratios: [],
    booleans: [],
    duplicateRows: [],
    danglingAwards: [],
    dateStyles: {},
    relationAsText: {},
  };
}

export const REL_TEXT: Record<string, string> = {
  '02': '户主',
  '10': '配偶',
  '11': '夫',
  '12': '妻',
  '21': '独生子',
  '22': '长子',
  '23': '次子',
  '24': '三子',
  '25': '四子',
  '26': '五子',
  '28': '女婿',
  '31': '独生女',
  '32': '长女',
  '33': '次女',
  '34': '三女',
  '35': '四女',
  '36': '五女',
  '38': '儿媳',
  '41': '孙子',
  '42': '孙女',
  '43': '外孙子',
  '44': '外孙女',
  '51': '父亲',
  '52': '母亲',
  '99': '非亲属',
};

// toLocaleString with options builds a formatter per call: 1,234.00 spellings took a tenth of a large county's run.
const THOUSANDS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
/** 1234500 → "123.45", by integer arithmetic so the string is exact. */
export function toWan(yuan: number): string {
  const frac = String(yuan % 10000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return `${Math.floor(yuan / 10000)}${frac ? '.' + frac : ''}`;
}

const STYLE_CUM = cumulate([55, 15, 15, 15]);

export class Noise {
  readonly log = emptyNoiseLog();
  /** Persons whose 户籍人口 row gets a deliberately bad check digit / a 15-digit number. */
  readonly invalidInHukou = new Set<number>();
  readonly legacyInHukou = new Set<number>();
  readonly fullWidthInHukou = new Set<number>();

  constructor(
    readonly on: boolean,
    private readonly rng: Rng,
    persons: Person[],
    /** Persons an alert of the truth names: a bad check digit would drop their 户籍 row (and the kinship
     * it gives), so the loaded county could no longer raise an alert the truth lists as background. */
    inCases: ReadonlySet<number> = new Set(),
  ) {
    if (!on) return;
    const pool = persons.filter((p) => !p.planted);
    const nInvalid = Math.max(3, Math.round(persons.length * 0.002));
    const invalidPool = pool.filter((p) => !inCases.has(p.idx));
    for (const p of rng.sample(invalidPool.length > 50000 ? invalidPool.slice(0, 50000) : invalidPool, nInvalid))
      this.invalidInHukou.add(p.idx);
    const born19 = pool.filter((p) => ymd(p.birth).y < 2000 && !this.invalidInHukou.has(p.idx));
    for (const p of rng.sample(born19.length > 50000 ? born19.slice(0, 50000) : born19, Math.max(5, Math.round(persons.length * 0.01))))
      this.legacyInHukou.add(p.idx);
    // Quotas, not rates, so even the 400-person demo carries a few of each.
    const rest = pool.filter((p) => !this.invalidInHukou.has(p.idx) && !this.legacyInHukou.has(p.idx));
    for (const p of rng.sample(rest.length > 50000 ? rest.slice(0, 50000) : rest, Math.max(3, Math.round(persons.length * 0.003))))
      this.fullWidthInHukou.add(p.idx);
  }

  date(file: string, d: Day | undefined, immune = false): string {
    if (d === undefined) return '';
    const style: DateStyle = !this.on || immune ? 'iso' : this.rng.weighted(DATE_STYLES, STYLE_CUM);
    const counts = (this.log.dateStyles[file] ??= {});
    counts[style] = (counts[style] ?? 0) + 1;
    return formatDay(d, style);
  }

  /** An ID cell. In 户籍人口 the pre-chosen persons get invalid / 15-digit numbers; anywhere,
   * a small share is written with full-width digits or a lower-case x. */
  id(file: string, row: number, column: string, p: Person, hukou = false): string {
    const id = p.idNo;
    if (!this.on || p.planted) return id;
    const item = (value: string): NoiseItem => ({ file, row, column, value, canonical: id });
    if (hukou && this.invalidInHukou.has(p.idx)) {
      const v = id.slice(0, 17) + wrongIdCheckChar(id.slice(0, 17));
      this.log.invalidIds.push(item(v));
      return v;
    }
    if (hukou && this.legacyInHukou.has(p.idx)) {
      const v = id.slice(0, 6) + id.slice(8, 17);
      this.log.legacyIds.push(item(v));
      return v;
    }
    if (id.endsWith('X') && this.rng.chance(0.05)) {
      const v = id.slice(0, 17) + 'x';
      this.log.lowerCaseX.push(item(v));
      return v;
    }
    if (hukou ? this.fullWidthInHukou.has(p.idx) : this.rng.chance(0.02)) {
      const v = fullWidth(id);
      this.log.fullWidthIds.push(item(v));
      return v;
    }
    return id;
  }

  /** A deliberately invalid ID outside 户籍人口 (e.g. a typo in 企业股东). */
  forceInvalid(file: string, row: number, column: string, p: Person): string {
    const v = p.idNo.slice(0, 17) + wrongIdCheckChar(p.idNo.slice(0, 17));
    this.log.invalidIds.push({ file, row, column, value: v, canonical: p.idNo });
    return v;
  }

  /** An amount in 元: plain, 1,234,567.00, 123.4567万元 or full-width. */
  amount(file: string, row: number, column: string, yuan: number, immune = false): string {
    const plain = String(yuan);
    if (!this.on || immune) return plain;
    const r = this.rng.next();
    let v = plain;
    if (r < 0.12) v = THOUSANDS.format(yuan);
    else if (r < 0.2) v = `${toWan(yuan)}万元`;
    else if (r < 0.23) v = fullWidth(plain);
    if (v !== plain) this.log.amounts.push({ file, row, column, value: v, canonical: plain });
    return v;
  }

  /** 注册资本, a number of 万元 unless spelled out as 500万元 / 1,000.00. */
  capital(file: string, row: number, wan: number, immune = false): string | number {
    if (!this.on || immune) return wan;
    const r = this.rng.next();
    let v: string | undefined;
    if (r < 0.2) v = `${wan}万元`;
    else if (r < 0.3) v = THOUSANDS.format(wan);
    if (v === undefined) return wan;
    this.log.capitals.push({ file, row, column: '注册资本', value: v, canonical: String(wan) });
    return v;
  }

  ratio(file: string, row: number, pct: number, immune = false): string {
    const canonical = `${pct}%`;
    if (!this.on || immune || !this.rng.chance(0.2)) return canonical;
    const v = (pct / 100).toFixed(2);
    this.log.ratios.push({ file, row, column: '出资比例', value: v, canonical });
    return v;
  }

  bool(file: string, row: number, column: string, v: boolean, immune = false): string {
    const canonical = v ? '是' : '否';
    if (!this.on || immune || !this.rng.chance(0.1)) return canonical;
    const out = this.rng.chance(0.5) ? (v ? 'Y' : 'N') : v ? '1' : '0';
    this.log.booleans.push({ file, row, column, value: out, canonical });
    return out;
  }

  relation(file: string, code: string, immune = false): string {
    if (!this.on || immune || !this.rng.chance(0.15)) return code;
    const text = REL_TEXT[code];
    if (!text) return code;
    this.log.relationAsText[file] = (this.log.relationAsText[file] ?? 0) + 1;
    return text;
  }

  chance(p: number): boolean {
    return this.on && this.rng.chance(p);
  }

  pick<T>(items: readonly T[]): T {
    return this.rng.pick(items);
  }
}
