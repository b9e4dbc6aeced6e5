// Numbers written in Chinese, as vouchers write amounts (伍佰元整) and decisions date themselves
// (二〇二一年三月五日), read through the amount and date normalisers a mapping names.
import { describe, expect, it } from 'vitest';
import { chineseAmount, chineseInteger } from '../../../loaders/core/normalise/chinese-numerals.js';
import { date, datetime } from '../../../loaders/core/normalise/date.js';
import { amount } from '../../../loaders/core/normalise/number.js';
import { capitalsOf, chineseDateOf } from '../../support/export-shapes.js';

describe('Chinese numerals', () => {
  it('read whole numbers with their units, ordinary and financial', () => {
    const cases: [string, number][] = [
      ['十', 10],
      ['十二', 12],
      ['二十', 20],
      ['三十一', 31],
      ['一百零五', 105],
      ['壹仟贰佰叁拾肆', 1234],
      ['一万零五', 10_005],
      ['十二万三千', 123_000],
      ['一亿二千万', 120_000_000],
      ['两千', 2000],
    ];
    for (const [s, n] of cases) expect([s, chineseInteger(s)]).toEqual([s, n]);
  });
  it('are not read from digits in a row, other characters or nothing', () => {
    for (const s of ['一二', '二〇二一', '十二个', '', 'abc']) expect([s, chineseInteger(s)]).toEqual([s, null]);
    for (const s of ['元', '整', '伍佰个元']) expect([s, chineseAmount(s)]).toEqual([s, null]);
  });
});

describe('an amount in capitals', () => {
  it('is read as a voucher writes it, to the fen', () => {
    expect(amount('壹仟贰佰叁拾肆元伍角陆分')).toBe(1234.56);
    expect(amount('壹仟贰佰叁拾肆元零陆分')).toBe(1234.06);
    expect(amount('伍佰元整')).toBe(500);
    expect(amount('人民币伍佰元正')).toBe(500);
    expect(amount('叁拾万元')).toBe(300_000);
  });
  it('takes the column’s unit when it says no 元, as a bare number does', () => {
    expect(amount('叁拾', '万元')).toBe(300_000);
    expect(amount('叁拾元', '万元')).toBe(30);
  });
  it('is refused when it is not one, with the reason in both languages', () => {
    expect(() => amount('伍佰多元')).toThrow(/^不是金额.* is not an amount/);
  });
});

describe('a date as documents write it', () => {
  it('reads 〇 years and numbered months and days, and 号 for 日', () => {
    expect(date('二〇二一年三月五日')).toBe('2021-03-05');
    expect(date('二〇二〇年十二月三十一日')).toBe('2020-12-31');
    expect(date('二零一九年十一月二十日')).toBe('2019-11-20');
    expect(date('2021年3月5号')).toBe('2021-03-05');
    expect(datetime('二〇二一年三月五日 9:30')).toBe('2021-03-05T09:30:00+08:00');
  });
  it('refuses a date that does not exist', () => {
    expect(() => date('二〇二一年二月三十日')).toThrow(/not a real date/);
    expect(() => date('二〇二一年十三月五日')).toThrow(/not a real date|out of range|not a date/);
  });
  it('leaves out a weekday written after the date, and refuses one that is not the date’s', () => {
    expect(date('2021/3/5 星期五')).toBe('2021-03-05');
    expect(date('2021年3月7日（周日）')).toBe('2021-03-07');
    expect(datetime('2021-03-05 周五 14:30')).toBe('2021-03-05T14:30:00+08:00');
    expect(() => date('2021/3/5 星期四')).toThrow(/^星期与日期不符.*is not a 星期四/);
  });
});

describe('what a voucher or a decision writes, read back', () => {
  it('gives every amount and every date of the export shapes back', () => {
    // A fixed spread of amounts (fen to 亿, zeros inside each section) and every day of 1999–2031.
    for (let i = 0; i < 5000; i++) {
      const yuan = Math.round(((i * 7_919_993) % 1_000_000_007) * (i % 3 ? 1 : 100)) / 100;
      expect([yuan, amount(capitalsOf(yuan))]).toEqual([yuan, yuan]);
    }
    for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2032, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (date(chineseDateOf(iso)) !== iso) expect([chineseDateOf(iso), date(chineseDateOf(iso))]).toEqual([chineseDateOf(iso), iso]);
    }
  });
});
