// One county: 桐庐县 (330122, 杭州市). Township names are real (so addresses look right); village
// and community names are composed, numbered when a large run needs more than the pool gives.
import type { Rng } from './prng.js';

export const PROVINCE = '浙江省';
export const CITY = '杭州市';
export const COUNTY = '桐庐县';
export const COUNTY_CODE = '330122';
/** Birthplace codes for people who moved into the county (ID numbers keep the birth region). */
export const OTHER_REGION_CODES = ['330102', '330106', '330182', '330183', '330127', '330781', '330205', '340102', '362301'];

export const TOWNSHIPS = [
  '城南街道',
  '旧县街道',
  '桐君街道',
  '凤川街道',
  '富春江镇',
  '横村镇',
  '分水镇',
  '瑶琳镇',
  '百江镇',
  '江南镇',
  '钟山乡',
  '新合乡',
  '合村乡',
  '莪山乡',
];

const VILLAGE_A = '东西南北上下前后大小新高青白石金桃柳竹梅杨李马龙凤'.split('');
const VILLAGE_B = ['溪', '山', '塘', '坞', '坑', '岭', '桥', '湾', '坪', '畈', '源', '口', '田', '庄'];

/** `n` distinct village names; the first few `communities` are urban 社区 (居委会). */
export function villageNames(rng: Rng, n: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (out.length < n) {
    let base = rng.pick(VILLAGE_A) + rng.pick(VILLAGE_B);
    if (++guard > 2000) base += String(out.length); // pool exhausted on huge runs
    if (seen.has(base)) continue;
    seen.add(base);
    out.push(base);
  }
  return out;
}

export function address(township: string, village: string, isCommunity: boolean, group: number, no: number): string {
  const local = isCommunity ? `${village}社区${group}幢${no}号` : `${village}村${group}组${no}号`;
  return `${PROVINCE}${CITY}${COUNTY}${township}${local}`;
}
