// Addresses as shared nodes. A small rule-based parser for Chinese addresses (no well-kept npm library for
// them exists; the ones published are unmaintained or ship a gazetteer we would have to keep current):
// 省/自治区 → 市/自治州/地区/盟 → 区/县/旗/县级市 → 街道/镇/乡 → 路/街/道/巷/弄/胡同 → 号 → the rest (楼, 单元,
// 室). It splits on the suffixes as written and never guesses a missing level, so "杭州市文三路88号" and
// "浙江省杭州市西湖区文三路88号" are two full addresses but one street address (streetKey: city + street +
// number). Addresses without Chinese characters are kept as lower-case text, the street key being the text
// without a leading flat/suite/unit part.
import { invalid } from '../errors.js';
import { blankText, cellText, type Cell } from './text.js';

export const ADDRESS_PARTS = ['full', 'streetKey', 'country', 'province', 'city', 'county', 'township', 'street', 'number'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];
export type Address = Partial<Record<AddressPart, string>> & { full: string };

const PROVINCES =
  '北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾'.split(
    ' ',
  );
const REGIONS: Record<string, string> = {
  内蒙古: '内蒙古自治区',
  广西: '广西壮族自治区',
  西藏: '西藏自治区',
  宁夏: '宁夏回族自治区',
  新疆: '新疆维吾尔自治区',
  香港: '香港特别行政区',
  澳门: '澳门特别行政区',
};
const MUNICIPALITIES = new Set(['北京', '天津', '上海', '重庆']);
const COUNTRY = /^(?:中华人民共和国|中国|china|cn|prc)(?=[\s,，]|[\u4e00-\u9fff]|$)[\s,，]*/i;
const CJK = /[\u4e00-\u9fff]/;

function take(rest: string, re: RegExp): [string | undefined, string] {
  const m = re.exec(rest);
  return m ? [m[1], rest.slice(m[0].length)] : [undefined, rest];
}

/** The parts of an address; null when empty. */
export function parseAddress(raw: Cell): Address | null {
  let s = cellText(raw);
  if (blankText(s)) return null;
  const country = COUNTRY.test(s) ? '中国' : undefined;
  s = s.replace(COUNTRY, '');
  if (!CJK.test(s)) {
    const full = s
      .toLowerCase()
      .replace(/\s*,\s*/g, ', ')
      .replace(/\s+/g, ' ')
      .trim();
    if (full === '') return null;
    const street = full.replace(/^(?:flat|suite|unit|room|apt\.?|apartment)\s+[^,]+,\s*/, '');
    return { full, ...(/\d/.test(street) && street.includes(' ') ? { streetKey: street } : {}) };
  }
  // Chinese: spaces and punctuation between the parts carry nothing.
  let rest = s.replace(/[\s,，、]+/g, '');
  const out: Address = { full: '' };
  if (country) out.country = country;
  let province: string | undefined;
  [province, rest] = take(rest, /^(.{2,8}?(?:省|自治区|特别行政区))/);
  if (!province) {
    const short = [...PROVINCES, ...Object.keys(REGIONS)].find((p) => rest.startsWith(p));
    if (short) {
      province = REGIONS[short] ?? (MUNICIPALITIES.has(short) ? `${short}市` : `${short}省`);
      rest = rest.slice(short.length).replace(/^(?:省|市)/, '');
    }
  }
  if (province) out.province = province;
  const muni = province && MUNICIPALITIES.has(province.slice(0, 2));
  let city: string | undefined = muni ? province : undefined;
  if (!muni) [city, rest] = take(rest, /^(.{2,10}?(?:自治州|地区|盟|市))/);
  if (city) out.city = city;
  const levels: [keyof Address, RegExp][] = [
    ['county', /^(.{1,10}?(?:区|县|旗|市))(?!场|委)/],
    ['township', /^(.{1,10}?(?:街道|镇|乡))/],
    ['street', /^(.{1,16}?(?:大道|路|街|巷|弄|胡同|道))/],
    ['number', /^(\d+(?:-\d+)?号)/],
  ];
  for (const [part, re] of levels) {
    let hit: string | undefined;
    [hit, rest] = take(rest, re);
    if (hit) out[part] = hit;
  }
  const { county, township, street, number } = out;
  out.full = [province, muni ? undefined : city, county, township, street, number, rest].filter(Boolean).join('');
  if (street && number) out.streetKey = `${city ?? province ?? ''}${street}${number}`;
  return out;
}

/** The `address` normaliser: one part of the parsed address (default: the full normalised text). */
export function address(raw: Cell, part: unknown = 'full'): string | null {
  if (typeof part !== 'string' || !(ADDRESS_PARTS as readonly string[]).includes(part))
    return invalid('地址部分不在可选项中', `address part must be one of ${ADDRESS_PARTS.join(', ')}`);
  return parseAddress(raw)?.[part as AddressPart] ?? null;
}
