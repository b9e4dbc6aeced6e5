// The integrity and welfare records of the county (deaths, Party membership, payroll, benefit
// payments, police cases, sanctions, insurance), kept apart from world.ts so the procurement half can
// grow World without touching them. Indices point into World.persons / World.orgs, like world.ts.
import type { Day } from './dates.js';

export interface Death {
  person: number;
  date: Day;
  cremation: Day;
  home: string;
  certNo: string;
  /** The register has not cancelled the person yet (death known only to 民政). */
  lagging?: boolean;
}

export interface PartyMember {
  person: number;
  joined: Day;
  branch: string;
  job: string;
}

/** Months on the public payroll of one unit, first day of first and last month (inclusive). */
export interface PayrollSpell {
  person: number;
  org: number;
  from: Day;
  to: Day;
  monthly: number;
  staffType: '行政' | '参公' | '事业';
}

export interface Payment {
  person: number;
  program: string;
  /** First day of the first month and last day of the last month the money is for. */
  from: Day;
  to: Day;
  payDate: Day;
  /** 元 with fen, as a number of fen to keep sums exact. */
  fen: number;
  account: string;
  arrears?: boolean;
}

export interface CaseParty {
  person: number;
  role: '违法行为人' | '组织者' | '参赌人员' | '证人';
  penalty: string;
  political: '中共党员' | '中共预备党员' | '群众';
  job: string;
  employer: string;
}

export interface PoliceCase {
  caseNo: string;
  decisionNo: string;
  type: string;
  time: Day;
  /** Seconds after midnight. */
  second: number;
  place: string;
  unit: string;
  decided: Day;
  parties: CaseParty[];
}

export interface Sanction {
  docNo: string;
  person: number;
  post: string;
  kind: '党纪' | '政务';
  type: string;
  decided: Day;
  until: Day;
  reason: string;
}

export interface InsuranceSpell {
  person: number;
  employer: { kind: 'company' | 'org'; code: string; name: string };
  scheme: string;
  /** First day of the first month; `to` the last day of the last month, absent while insured. */
  from: Day;
  to?: Day;
}

export interface Records {
  deaths: Death[];
  party: PartyMember[];
  payroll: PayrollSpell[];
  payments: Payment[];
  cases: PoliceCase[];
  sanctions: Sanction[];
  insurance: InsuranceSpell[];
  /** Persons whose records come only from planted cases (background generation leaves them alone). */
  reserved: Set<number>;
}

export function emptyRecords(): Records {
  return { deaths: [], party: [], payroll: [], payments: [], cases: [], sanctions: [], insurance: [], reserved: new Set() };
}
