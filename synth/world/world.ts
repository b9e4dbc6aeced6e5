// The county as plain data, before any file is written. Every cross-reference is an array index,
// so the M03 brute force and the writers can walk it without lookups by name.
import type { Day } from './dates.js';

export interface Person {
  idx: number;
  /** Canonical 18-digit 公民身份号码 (what the loaders should normalise every spelling to). */
  idNo: string;
  name: string;
  male: boolean;
  birth: Day;
  hh: number;
  /** GB/T 4761 与户主关系 code, two digits. */
  rel: string;
  cancel?: { date: Day; reason: '死亡' | '迁出' };
  /** Part of a planted case: never touched by noise, written in canonical spellings only. */
  planted?: boolean;
}

export interface Household {
  idx: number;
  hhNo: string;
  address: string;
  village: number;
  members: number[];
}

export interface Marriage {
  male: number;
  female: number;
  date: Day;
  kind: '结婚' | '离婚';
  planted?: boolean;
}

export type OrgKind = '党政机关' | '事业单位' | '国企' | '村委会' | '居委会';

export interface Org {
  idx: number;
  code: string;
  name: string;
  /** What tender documents and truth.json call it, e.g. 住建局. */
  short: string;
  kind: OrgKind;
  /** Index into World.villages for 村委会/居委会. */
  village?: number;
}

export interface Post {
  person: number;
  org: number;
  title: string;
  level: string;
  leader: boolean;
  from: Day;
  to?: Day;
  planted?: boolean;
}

export interface Company {
  idx: number;
  uscc: string;
  name: string;
  status: '存续' | '在业' | '吊销' | '注销';
  founded: Day;
  /** 注册资本 in 万元, as the register states it. */
  capitalWan: number;
  address: string;
  phone: string;
  rep: number;
  role: 'bidder' | 'agent' | 'other';
  planted?: boolean;
  /** 参保人数 in the annual report (bid-people.ts fills it). */
  insured?: number;
}

export interface Shareholding {
  company: number;
  holder: { kind: 'person' | 'company'; idx: number };
  /** Whole percent. */
  pct: number;
  from: Day;
  to?: Day;
}

export interface Officer {
  company: number;
  person: number;
  role: string;
  from: Day;
}

export interface Project {
  idx: number;
  code: string;
  name: string;
  org: number;
  agent?: number;
  /** 元, whole yuan. */
  budget: number;
  method: '公开招标' | '邀请招标' | '竞争性谈判' | '直接发包';
  announced: Day;
  planted?: boolean;
}

export interface Bid {
  code: string;
  project: number;
  company: number;
  price: number;
  submitted: Day;
  /** Seconds after midnight of `submitted`. */
  second: number;
  contact: string;
  phone: string;
  manager: string;
  /** The registered project manager (建造师) behind `manager`, when known (bid-people.ts). */
  managerPerson?: number;
  /** Per-bid fingerprints where they differ from the company's kit (planted collusion cases). */
  ip?: string;
  mac?: string;
  machine?: string;
  account?: string;
  /** 否决投标: the evaluation committee threw the bid out (投标记录's 否决投标 and 否决原因). */
  disqualified?: boolean;
  disqualifyReason?: string;
}

export interface Award {
  project: number;
  company: number;
  amount: number;
  date: Day;
  planted?: boolean;
}

export interface Village {
  idx: number;
  name: string;
  township: string;
  community: boolean;
}

/** Per-company bid fingerprints (one office, one machine, one deposit account). */
export interface BidderKit {
  ip: string;
  mac: string;
  machine: string;
  account: string;
}

export interface World {
  persons: Person[];
  households: Household[];
  marriages: Marriage[];
  villages: Village[];
  orgs: Org[];
  posts: Post[];
  companies: Company[];
  shareholdings: Shareholding[];
  officers: Officer[];
  projects: Project[];
  bids: Bid[];
  awards: Award[];
  kits: BidderKit[];
  /** 直接发包及村级工程支付 vouchers and 许可/检查/处罚 records (world/direct-awards.ts, world/regulation.ts). */
  direct?: DirectAward[];
  regs?: RegRecord[];
}

/** One voucher: a unit paid or contracted a person or company without a tender. */
export interface DirectAward {
  ref: string;
  org: number;
  payee: { kind: 'person' | 'company'; idx: number };
  job: string;
  site: string;
  amount: number;
  date: Day;
  method: '直接发包' | '零星工程';
  planted?: boolean;
}

/** One licence, check or penalty of a company by a unit; checks and penalties name an inspector. */
export interface RegRecord {
  ref: string;
  org: number;
  company: number;
  kind: '许可' | '检查' | '处罚';
  date: Day;
  validTo?: Day;
  inspector?: number;
  result: string;
  fine?: number;
  planted?: boolean;
}

export function emptyWorld(): World {
  return {
    persons: [],
    households: [],
    marriages: [],
    villages: [],
    orgs: [],
    posts: [],
    companies: [],
    shareholdings: [],
    officers: [],
    projects: [],
    bids: [],
    awards: [],
    kits: [],
  };
}
