import { describe, expect, it } from 'vitest';
import { asIdentifier, charCount, luceneQuery } from '../../../server/graphql/search/query.js';
import { idCheckChar, upgradeId15 as idTo18 } from '../../../platform/identifiers/id-number.js';

describe('identifiers typed into search', () => {
  it('recognises an 18-digit ID number, with a lower-case x or full-width digits', () => {
    // X is also a credit-code character, so these are tried as codes too; harmless, uids differ by label.
    expect(asIdentifier('11010519491231002X')).toMatchObject({ idNo: '11010519491231002X' });
    expect(asIdentifier('11010519491231002x')).toMatchObject({ idNo: '11010519491231002X' });
    expect(asIdentifier(' １１０１０５１９４９１２３１００２Ｘ ')).toMatchObject({ idNo: '11010519491231002X' });
  });

  it('turns a 15-digit ID number into its 18-digit form', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idTo18('110105491231002')).toBe('11010519491231002X');
    expect(asIdentifier('110105491231002')).toEqual({ idNo: '11010519491231002X' });
  });

  it('recognises a credit code, and an all-digit 18-character string as either kind', () => {
    expect(asIdentifier('91330100MA2B3C4D5E')).toEqual({ code: '91330100MA2B3C4D5E' });
    expect(asIdentifier('913301001234567890')).toEqual({ idNo: '913301001234567890', code: '913301001234567890' });
  });

  it('leaves names and partial numbers to full text', () => {
    for (const q of ['王志强', '1101051949', '91330100MA2B3C4D5', '91330100IA2B3C4D5E', 'PRJ-2023-001'])
      expect(asIdentifier(q), q).toBeNull();
  });
});

describe('Lucene escaping', () => {
  it('escapes every special character so user text is only terms', () => {
    expect(luceneQuery('a+b-c&&d||e!f(g)h{i}j[k]l^m"n~o*p?q:r\\s/t')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!f\\(g\\)h\\{i\\}j\\[k\\]l\\^m\\"n\\~o\\*p\\?q\\:r\\\\s\\/t',
    );
  });

  it('lower-cases so AND, OR and NOT are words, and squeezes whitespace', () => {
    expect(luceneQuery('  王志强   AND  NOT  李娜 ')).toBe('王志强 and not 李娜');
  });

  it('counts characters as a reader does', () => {
    expect(charCount('王')).toBe(1);
    expect(charCount(' 𠀀 ')).toBe(1);
    expect(charCount('志强')).toBe(2);
  });
});
