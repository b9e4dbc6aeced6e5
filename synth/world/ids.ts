// Issuing identifiers: unique, checksum-valid 公民身份号码 and 统一社会信用代码.
import { idCheckChar } from '../../platform/identifiers/id-number.js';
import { orgCodeCheckChar, USCC_CHARS, usccCheckChar } from '../../platform/identifiers/uscc.js';
import { compact, type Day } from './dates.js';
import type { Rng } from './prng.js';
import { COUNTY_CODE } from './region.js';

export class IdIssuer {
  private readonly used = new Set<string>();
  private readonly usedOrg = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** 6-digit region + birth date + 3-digit sequence (odd = male) + check. */
  person(region: string, birth: Day, male: boolean): string {
    const date = compact(birth);
    for (;;) {
      let seq = this.rng.int(1, 999);
      if ((seq % 2 === 1) !== male) seq = seq === 999 ? 998 : seq + 1;
      const body = region + date + String(seq).padStart(3, '0');
      if (this.used.has(body)) continue;
      this.used.add(body);
      return body + idCheckChar(body);
    }
  }

  /** GB 32100 code: 登记管理部门 + 机构类别 (e.g. "11" 机关, "12" 事业单位, "54" 民政-issued
   * 基层群众性自治组织, "91" 企业), the county code, a GB 11714 org code, the mod-31 check. */
  uscc(prefix: string, newStyle: boolean): string {
    for (;;) {
      let body8 = '';
      if (newStyle) {
        // Codes issued since 2015 carry "MA" + 6 characters from the USCC alphabet.
        body8 = 'MA';
        for (let i = 0; i < 6; i++) body8 += USCC_CHARS[this.rng.int(0, 30)];
      } else {
        for (let i = 0; i < 8; i++) body8 += String(this.rng.int(0, 9));
      }
      if (this.usedOrg.has(body8)) continue;
      this.usedOrg.add(body8);
      const body17 = prefix + COUNTY_CODE + body8 + orgCodeCheckChar(body8);
      return body17 + usccCheckChar(body17);
    }
  }
}
