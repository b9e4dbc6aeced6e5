// Benefit programmes of the county's 民生资金 一卡通 (codes as the paying department issues them).
// `universal` programmes (普惠: by age) are what favouritism models (M06) leave out; `cadence` is how
// often one payment row covers: monthly, quarterly or yearly periods.
export interface Program {
  code: string;
  name: string;
  dept: string;
  universal: boolean;
  cadence: 1 | 3 | 12;
  /** 元 per month (per year for yearly), the usual amount. */
  base: number;
}

export const PROGRAMS = {
  DBNC: { code: 'MZ-DBNC', name: '农村最低生活保障金', dept: '民政局', universal: false, cadence: 1, base: 870 },
  DBCS: { code: 'MZ-DBCS', name: '城市最低生活保障金', dept: '民政局', universal: false, cadence: 1, base: 1080 },
  TK: { code: 'MZ-TK', name: '特困人员救助供养金', dept: '民政局', universal: false, cadence: 1, base: 1400 },
  GL: { code: 'MZ-GL', name: '高龄津贴', dept: '民政局', universal: true, cadence: 3, base: 100 },
  CJ: { code: 'CL-CJ', name: '困难残疾人生活补贴', dept: '残联', universal: false, cadence: 1, base: 330 },
  JMYL: { code: 'RS-JMYL', name: '城乡居民基本养老保险待遇', dept: '人社局', universal: true, cadence: 3, base: 265 },
  GDDL: { code: 'NY-GDDL', name: '耕地地力保护补贴', dept: '农业农村局', universal: false, cadence: 12, base: 105 },
  GYGW: { code: 'RS-GYGW', name: '公益性岗位补贴', dept: '人社局', universal: false, cadence: 1, base: 2010 },
} as const satisfies Record<string, Program>;

export type ProgramKey = keyof typeof PROGRAMS;
export const PROGRAM_LIST: Program[] = Object.values(PROGRAMS);
export const programByCode = new Map<string, Program>(PROGRAM_LIST.map((p) => [p.code, p]));

/** Means-tested aid a public payroll household must not draw (M08). */
export const MEANS_TESTED = new Set<string>([PROGRAMS.DBNC.code, PROGRAMS.DBCS.code, PROGRAMS.TK.code]);
/** Pairs no one may draw for the same months (M13): 城乡低保 twice, or 低保 with 特困. */
export const EXCLUSIVE_PAIRS: [string, string][] = [
  [PROGRAMS.DBNC.code, PROGRAMS.DBCS.code],
  [PROGRAMS.TK.code, PROGRAMS.DBNC.code],
  [PROGRAMS.TK.code, PROGRAMS.DBCS.code],
];
