// Names with roughly the national distribution: surnames weighted by the 2020 census shares (per
// mille, rounded), given names of one or two characters from sex-typical pools. Every character
// must exist in GBK because 户籍人口.csv and 中标结果.csv are written in GBK.
import { cumulate, type Rng } from './prng.js';

const SURNAMES: [string, number][] = [
  ['王', 71],
  ['李', 70],
  ['张', 67],
  ['刘', 54],
  ['陈', 45],
  ['杨', 31],
  ['黄', 23],
  ['赵', 22],
  ['吴', 20],
  ['周', 19],
  ['徐', 17],
  ['孙', 15],
  ['马', 15],
  ['朱', 14],
  ['胡', 13],
  ['郭', 12],
  ['何', 12],
  ['高', 11],
  ['林', 11],
  ['罗', 11],
  ['郑', 10],
  ['梁', 10],
  ['谢', 8],
  ['宋', 8],
  ['唐', 8],
  ['许', 7],
  ['韩', 7],
  ['冯', 7],
  ['邓', 7],
  ['曹', 7],
  ['彭', 6],
  ['曾', 6],
  ['肖', 6],
  ['田', 6],
  ['董', 5],
  ['袁', 5],
  ['潘', 5],
  ['于', 5],
  ['蒋', 5],
  ['蔡', 5],
  ['余', 5],
  ['杜', 4],
  ['叶', 4],
  ['程', 4],
  ['苏', 4],
  ['魏', 4],
  ['吕', 4],
  ['丁', 4],
  ['任', 4],
  ['沈', 4],
  ['姚', 3],
  ['卢', 3],
  ['姜', 3],
  ['崔', 3],
  ['钟', 3],
  ['谭', 3],
  ['陆', 3],
  ['汪', 3],
  ['范', 3],
  ['金', 3],
  ['石', 3],
  ['廖', 3],
  ['贾', 3],
  ['夏', 3],
  ['方', 2],
  ['俞', 2],
  ['章', 2],
  ['严', 2],
  ['应', 1],
  ['申屠', 1],
  ['皇甫', 1],
];
const SURNAME_LIST = SURNAMES.map(([s]) => s);
const SURNAME_CUM = cumulate(SURNAMES.map(([, w]) => w));

const MALE = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林洋国建志忠文兵峰海东亮成新庆春德荣永胜祥生良'.split('');
const FEMALE = '芳娜敏静丽艳娟霞燕秀玲桂英红梅兰琴云莉萍雪琳婷慧倩颖洁晶佳欣悦雅怡萱淑珍凤娥美月丹'.split('');
const NEUTRAL = '小晓金玉明文海春秋天思子一嘉佳志'.split('');

export function surname(rng: Rng): string {
  return rng.weighted(SURNAME_LIST, SURNAME_CUM);
}

export function givenName(rng: Rng, male: boolean): string {
  const pool = male ? MALE : FEMALE;
  if (rng.chance(0.18)) return rng.pick(pool);
  const first = rng.chance(0.3) ? rng.pick(NEUTRAL) : rng.pick(pool);
  let second = rng.pick(pool);
  if (second === first) second = rng.pick(pool);
  return first + second;
}

export function fullName(rng: Rng, male: boolean, family?: string): string {
  return (family ?? surname(rng)) + givenName(rng, male);
}

// 字号 for company names: two characters, checked for uniqueness by the caller.
const BRAND = '鑫恒盛泰华宏兴隆信达通源瑞丰祥安富康顺发润宝嘉诚和益远创新建德春江富阳桐君凤鸣'.split('');

export function brand(rng: Rng): string {
  const a = rng.pick(BRAND);
  let b = rng.pick(BRAND);
  while (b === a) b = rng.pick(BRAND);
  return a + b;
}

/** Industries bidding on county works, and the suffix their names carry. */
export const BIDDER_TRADES = [
  '建设工程',
  '建筑工程',
  '市政工程',
  '水利水电工程',
  '园林绿化工程',
  '交通设施工程',
  '电力安装工程',
  '信息技术',
  '教育装备',
  '医疗器械',
  '装饰工程',
  '路桥工程',
];
export const OTHER_TRADES = ['商贸', '农业开发', '食品', '物流', '家具制造', '纺织', '餐饮管理', '电子商务', '投资管理', '文化传媒'];
