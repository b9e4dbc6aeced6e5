import { describe, expect, it } from 'vitest';
import { date, datetime, isRealDate } from '../../../loaders/core/normalise/date.js';
import { amount, phone, ratio } from '../../../loaders/core/normalise/number.js';
import { bool, cleanText, code, enumValue, replaced, text } from '../../../loaders/core/normalise/text.js';
import { kinCode } from '../../../loaders/core/normalise/kin-code.js';
import { idNo } from '../../../loaders/core/normalise/id-number.js';
import { uscc } from '../../../loaders/core/normalise/uscc.js';

describe('text', () => {
  it('folds full-width forms, ideographic spaces and trims', () => {
    expect(cleanText('　ＡＢＣ１２３　 王  伟 ')).toBe('ABC123 王 伟');
    expect(text(' 张三 ')).toBe('张三');
  });
  it('reads placeholders as empty', () => {
    expect(text('—')).toBeNull();
    expect(text('无')).toBeNull();
    expect(text('')).toBeNull();
  });
  it('upper-cases codes and removes their spaces', () => {
    expect(code(' zb-2021 001 ')).toBe('ZB-2021001');
  });
  it('refuses a code with characters codes never hold', () => {
    expect(() => code('项目一')).toThrow(/not a code/);
    expect(() => code('ZB-2021#1')).toThrow(/not a code/);
  });
  it('keeps Chinese characters in a code that has digits, as voucher and plate numbers are written', () => {
    expect(code('记-202201-001')).toBe('记-202201-001');
    expect(code('川ra3k25')).toBe('川RA3K25');
  });
  it('reads a value Excel was told to keep as text, as CSV exports write it (="…" and a leading \')', () => {
    const id = '330122199001010018';
    expect(idNo(`="${id}"`)).toBe(id);
    expect(idNo(`'${id}`)).toBe(id);
    expect(idNo(`\t="${id}" `)).toBe(id);
    expect(uscc('="91330122MA2A00001H"')).toBe('91330122MA2A00001H');
    expect(code("'zb-2021-001")).toBe('ZB-2021-001');
    expect(text('="张三"')).toBe('张三');
    expect(phone('="13812345678"')).toBe('+8613812345678');
    // Not a text-keeping form: left as written, and refused where it is not a value.
    expect(() => idNo(`=${id}`)).toThrow(/not an 18-digit/);
    expect(text('="')).toBe('="');
  });
  it('rewrites text by replace rules in order, so a full unit name matches a short one', () => {
    // 被反映单位 as a 信访 register writes it, against the village's registered name.
    const village: [string, string][] = [
      ['^(?:.+?[县市区])?(?:.+?(?:镇|乡|街道))?', ''],
      ['村?村(?:民委员会|委会)$', '村'],
    ];
    expect(replaced('青石镇观音村村民委员会', village)).toBe('观音村');
    expect(replaced('蕲春县漕河镇 三桥村委会', village)).toBe('三桥村');
    expect(replaced('观音村', village)).toBe('观音村');
    expect(replaced('青石镇', village)).toBeNull();
    expect(replaced('无', village)).toBeNull();
    expect(replaced(' 县卫健局 ', undefined)).toBe('县卫健局');
  });
  it('maps enum values and refuses unknown ones', () => {
    expect(enumValue('男性', { 男性: '男' })).toBe('男');
    expect(() => enumValue('未知', { 男: '男' })).toThrow(/not one of/);
    expect(enumValue('其他', { 男: '男' }, true)).toBe('其他');
  });
});

describe('booleans', () => {
  it('reads 是/否, Y/N, 1/0', () => {
    expect(bool('是')).toBe(true);
    expect(bool('否')).toBe(false);
    expect(bool('y')).toBe(true);
    expect(bool('N')).toBe(false);
    expect(bool('1')).toBe(true);
    expect(bool(0)).toBe(false);
    expect(bool('')).toBeNull();
  });
  it('refuses anything else', () => {
    expect(() => bool('也许')).toThrow(/yes\/no/);
  });
});

describe('fixed lists', () => {
  it('matches a key written with full-width brackets to the cell, both cleaned alike', () => {
    const values = { '存续（在营、开业、在册）': '存续', '吊销，未注销': '吊销' };
    expect(enumValue('存续（在营、开业、在册）', values)).toBe('存续');
    expect(enumValue('存续(在营、开业、在册)', values)).toBe('存续');
    expect(enumValue(' 吊销,未注销 ', values)).toBe('吊销');
    expect(() => enumValue('迁出', values)).toThrow(/not one of/);
  });
});

describe('dates', () => {
  it.each([
    ['2021年3月5日', '2021-03-05'],
    ['2021/3/5', '2021-03-05'],
    ['2021-03-05', '2021-03-05'],
    ['20210305', '2021-03-05'],
    ['2021.3.5', '2021-03-05'],
    ['２０２１年０３月０５日', '2021-03-05'],
    ['2021-03-05 00:00:00', '2021-03-05'],
    ['2021/03/05 14:23', '2021-03-05'],
    ['2021-03-05T23:10:00+08:00', '2021-03-05'],
    ['2021年3月5日 10时15分', '2021-03-05'],
    ['20210305142311', '2021-03-05'],
    ['202103051423', '2021-03-05'],
  ])('reads %s as %s', (input, want) => {
    expect(date(input)).toBe(want);
  });
  it.each([
    ['2018年3月', '2018-03-01'],
    ['2018年03月份', '2018-03-01'],
    ['1985.03', '1985-03-01'],
    ['2018-03', '2018-03-01'],
    ['2018/3', '2018-03-01'],
  ])('reads a month alone, %s, as its first day', (input, want) => {
    expect(date(input)).toBe(want);
  });
  it('does not read six bare digits as a month, nor a month that does not exist', () => {
    expect(() => date('201803')).toThrow(/not a date/);
    expect(() => date('2018年13月')).toThrow(/not a real date/);
  });
  it('reads XLSX date cells and Excel serial numbers', () => {
    expect(date(new Date(Date.UTC(2021, 2, 5)))).toBe('2021-03-05');
    expect(date(44260)).toBe('2021-03-05');
    expect(date(20210305)).toBe('2021-03-05');
  });
  it('rejects an impossible date instead of rolling it over', () => {
    expect(() => date('2021-02-30')).toThrow(/not a real date/);
    expect(() => date('2021年13月1日')).toThrow(/not a real date/);
  });
  it('rejects years out of range and text that is not a date', () => {
    expect(() => date('0021-03-05')).toThrow(/out of range/);
    expect(() => date('三月五日')).toThrow(/not a date/);
    expect(() => date('2021-03-05 下午')).toThrow(/trailing text/);
    expect(() => date('2021-03-05 25:10')).toThrow(/not a real time/);
    expect(() => date('20210305251000')).toThrow(/not a real time/);
    expect(() => date('202103051')).toThrow(/not a date/);
  });
  it('takes an instant (a time in UTC or another zone) on its Beijing date, as an API that stored midnight in Beijing sends it', () => {
    expect(date('2021-03-04T16:00:00Z')).toBe('2021-03-05');
    expect(date('2021-03-04T16:00:00.000Z')).toBe('2021-03-05');
    expect(date('2021-03-05T23:30:00-05:00')).toBe('2021-03-06');
    expect(date('2021-03-05T23:30:00+08:00')).toBe('2021-03-05');
    // A time without a zone is Beijing's wall clock: the date as written.
    expect(date('2021-03-05 23:30')).toBe('2021-03-05');
  });
  it('reads epoch numbers as JSON APIs and dataframe exports write them: 10 digits seconds, 11 to 13 milliseconds', () => {
    expect(date(1614873600000)).toBe('2021-03-05');
    expect(date('1614873600000')).toBe('2021-03-05');
    expect(date(1614873600)).toBe('2021-03-05');
    // pandas' to_json of a birth date: midnight UTC, before 1970 negative.
    expect(date(636595200000)).toBe('1990-03-05');
    expect(date(-152150400000)).toBe('1965-03-07');
    expect(datetime(1614873600000)).toBe('2021-03-04T16:00:00Z');
    expect(datetime('1614873600')).toBe('2021-03-04T16:00:00Z');
    // Twelve digits that read as a date and time stay one; nine are a typo, not seconds.
    expect(date('202103050930')).toBe('2021-03-05');
    expect(() => date('202103051')).toThrow(/not a date/);
    // Ten digits that read as a date and an hour are refused as before, not read as seconds (2034-01-08).
    expect(() => date('2021030512')).toThrow(/not a date/);
  });
  it('reads five digits in a text cell as the Excel serial a CSV saved from a General-formatted date cell holds, and not a year', () => {
    expect(date('44260')).toBe('2021-03-05');
    expect(datetime('44260')).toBe('2021-03-05T00:00:00+08:00');
    expect(() => date('2021')).toThrow(/not a date/);
  });
  it('knows leap years', () => {
    expect(isRealDate('2020-02-29')).toBe(true);
    expect(isRealDate('2100-02-29')).toBe(false);
  });
  it('reads date-times with the China offset by default', () => {
    expect(datetime('2021/3/5 9:30')).toBe('2021-03-05T09:30:00+08:00');
    expect(datetime('2021年3月5日 9时30分15秒')).toBe('2021-03-05T09:30:15+08:00');
    expect(datetime('2021-03-05T09:30:00Z')).toBe('2021-03-05T09:30:00Z');
    expect(datetime('2021-03-05')).toBe('2021-03-05T00:00:00+08:00');
    expect(() => datetime('2021-03-05 25:00')).toThrow(/not a real time/);
    expect(datetime('20210305093015')).toBe('2021-03-05T09:30:15+08:00');
    expect(datetime(20210305093015)).toBe('2021-03-05T09:30:15+08:00');
    expect(date(20210305093015)).toBe('2021-03-05');
  });
});

describe('amounts', () => {
  it('reads 12,345.00, 1.2万元, 1.2万 and ¥ amounts', () => {
    expect(amount('12,345.00')).toBe(12345);
    expect(amount('1.2万元')).toBe(12000);
    expect(amount('1.2万')).toBe(12000);
    expect(amount('￥3,000元')).toBe(3000);
    expect(amount('0.5亿')).toBe(50_000_000);
    expect(amount('330元整')).toBe(330);
    expect(amount('1.5万元整')).toBe(15_000);
    expect(() => amount('330整')).toThrow(/not an amount/);
    expect(amount(12345)).toBe(12345);
  });
  it('applies a default unit to bare numbers (注册资本 in 万元)', () => {
    expect(amount('500', '万元')).toBe(5_000_000);
    expect(amount('500元', '万元')).toBe(500);
  });
  it('rejects text and negative amounts', () => {
    // 十万 is an amount in Chinese numerals (chinese-numerals.test.ts); 约十万 is an estimate, not an amount.
    expect(() => amount('约十万')).toThrow(/not an amount/);
    expect(() => amount('十万左右')).toThrow(/not an amount/);
    expect(() => amount('-5')).toThrow(/negative/);
  });
  it('reads ratios as fractions', () => {
    expect(ratio('35%')).toBe(0.35);
    expect(ratio('0.35')).toBe(0.35);
    expect(ratio('35')).toBe(0.35);
    expect(() => ratio('120%')).toThrow(/between 0 and 100%/);
  });
});

describe('phones', () => {
  it('writes mobiles and landlines in E.164, however they were written', () => {
    expect(phone('138 0013 8000')).toBe('+8613800138000');
    expect(phone('+86 138-0013-8000')).toBe('+8613800138000');
    expect(phone('0591-87654321')).toBe('+8659187654321');
    expect(phone('（0591）87654321')).toBe('+8659187654321');
    expect(phone('+86 591 8765 4321')).toBe('+8659187654321');
    expect(phone('0086-591-87654321 转 203')).toBe('+8659187654321');
  });
  it('accepts a foreign number instead of refusing it, and keeps a number without area code as written', () => {
    expect(phone('+44 20 7946 0958')).toBe('+442079460958');
    expect(phone('0044 20 7946 0958')).toBe('+442079460958');
    expect(phone('8765 4321')).toBe('87654321');
  });
  it('rejects what is not a phone number', () => {
    expect(() => phone('12345')).toThrow(/not a phone/);
  });
});

describe('GB/T 4761 relation to the head', () => {
  it('reads codes and texts', () => {
    expect(kinCode('02')).toBe('02');
    expect(kinCode('2')).toBe('02');
    expect(kinCode('户主')).toBe('02');
    expect(kinCode('长子')).toBe('22');
    expect(kinCode('儿媳')).toBe('38');
    expect(kinCode('22长子')).toBe('22');
  });
  it.each([
    ['户主本人', '02'],
    // a 低保 family's 子女 and 孙子女, of either sex: a child and a grandchild
    ['子女', '20'],
    ['孙子女', '40'],
    ['儿子媳妇', '38'],
    ['孙媳妇', '45'],
    ['曾孙子', '47'],
    ['重孙女', '48'],
    ['兄弟', '70'],
    ['嫂子', '72'],
    ['叔叔', '83'],
    ['舅舅', '85'],
    ['保姆', '99'],
  ])('reads the everyday word %s as %s', (word, want) => {
    expect(kinCode(word)).toBe(want);
  });
  it('rejects unknown codes and texts', () => {
    expect(() => kinCode('00')).toThrow(/not a GB\/T 4761/);
    expect(() => kinCode('邻居')).toThrow(/not a GB\/T 4761/);
  });
});

describe('placeholders for no value', () => {
  it.each(['无', '暂无', '—', '——', '--', 'NULL', 'null', 'N/A', '#N/A', 'None'])(
    'reads %s as an empty cell in every typed column',
    (v) => {
      expect(date(v)).toBeNull();
      expect(datetime(v)).toBeNull();
      expect(amount(v)).toBeNull();
      expect(idNo(v)).toBeNull();
      expect(uscc(v)).toBeNull();
      expect(kinCode(v)).toBeNull();
      expect(phone(v)).toBeNull();
    },
  );
  it('still reads 无 as no in a yes/no column', () => {
    expect(bool('无')).toBe(false);
    expect(bool('NULL')).toBeNull();
  });
});

describe('relations said of the head of household', () => {
  it.each([
    ['之子', '20'],
    ['户主之女', '30'],
    ['户主的妻子', '12'],
    ['之孙子', '41'],
  ])('reads %s as %s', (v, want) => {
    expect(kinCode(v)).toBe(want);
  });
});
