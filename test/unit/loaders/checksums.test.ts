import { describe, expect, it } from 'vitest';
import { idNo } from '../../../loaders/core/normalise/id-number.js';
import { idCheckChar, idFacts, maskIdNo, upgradeId15 } from '../../../platform/identifiers/id-number.js';
import { uscc } from '../../../loaders/core/normalise/uscc.js';
import { usccCheckChar } from '../../../platform/identifiers/uscc.js';
import { InvalidValue } from '../../../loaders/core/errors.js';

describe('ID numbers (GB 11643, MOD 11-2)', () => {
  it('computes the check characters of the catalogue examples', () => {
    expect(idCheckChar('34052419800101001')).toBe('X');
    expect(idCheckChar('37010119010203997')).toBe('3');
    expect(idCheckChar('11010519491231002')).toBe('X');
  });
  it('accepts a valid number and upper-cases a lower-case x', () => {
    expect(idNo('34052419800101001x')).toBe('34052419800101001X');
    expect(idNo('370101190102039973')).toBe('370101190102039973');
  });
  it('folds full-width digits and strips spaces', () => {
    expect(idNo('３７０１０１ １９０１０２０３９９７３')).toBe('370101190102039973');
  });
  it('rejects an ID number whose check digit is wrong', () => {
    expect(() => idNo('370101190102039974')).toThrow(/check character should be 3/);
  });
  it('rejects an ID number with an impossible birth date', () => {
    const body = '11010519490230002'; // 30 February
    expect(() => idNo(body + idCheckChar(body))).toThrow(/impossible birth date/);
  });
  it('rejects wrong lengths and letters', () => {
    expect(() => idNo('1234')).toThrow(InvalidValue);
    expect(() => idNo('3705241980010100AX')).toThrow(InvalidValue);
  });
  it('upgrades a legacy 15-digit number to 18 digits', () => {
    expect(upgradeId15('370101010203997')).toBe('370101190102039973');
    expect(idNo('370101010203997')).toBe('370101190102039973');
  });
  it('refuses an ID number that Excel stored as a number', () => {
    expect(() => idNo(370101190102039970)).toThrow(/stored as a number/);
  });
  it('reads a legacy 15-digit ID number that a spreadsheet stored as a number, as no digit was lost', () => {
    expect(idNo(370101010203997)).toBe('370101190102039973');
    expect(() => idNo(37010101020399)).toThrow(/stored as a number/);
  });
  it('says why an ID number in scientific notation cannot be read', () => {
    expect(() => idNo('3.70101E+17')).toThrow(/scientific notation.*export the column as text/);
    expect(() => idNo('3.70101e17')).toThrow(/scientific notation/);
  });
  it('treats an empty cell as no value', () => {
    expect(idNo('  ')).toBeNull();
    expect(idNo(null)).toBeNull();
  });
  it('masks the birth date and sequence', () => {
    expect(maskIdNo('110101199003071234')).toBe('110101********1234');
  });
  it('reads birth date and gender from the number', () => {
    expect(idFacts('370101190102039973')).toEqual({ birthDate: '1901-02-03', gender: '男' });
  });
});

describe('credit codes (GB 32100, mod 31)', () => {
  it('accepts the standard example 91512081MA62K0260E', () => {
    expect(usccCheckChar('91512081MA62K0260')).toBe('E');
    expect(uscc('91512081ma62k0260e')).toBe('91512081MA62K0260E');
  });
  it('rejects 91350100M000100Y4Z, whose check should be 3', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(() => uscc('91350100M000100Y4Z')).toThrow(/never use/);
    expect(() => uscc('91350100M000100Y4A')).toThrow(/check character should be 3/);
  });
  it('accepts the corrected code and folds full-width characters', () => {
    expect(uscc('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
  });
  it('rejects wrong lengths', () => {
    expect(() => uscc('9135010')).toThrow(/18-character/);
  });
});
