import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';
import { idNearness, normaliseName, PROPOSE_AT, scoreCompanies, scorePersons, type PersonSide } from '../../../server/resolution/score.js';

const id = (body17: string) => body17 + idCheckChar(body17);
const person = (over: Partial<PersonSide> = {}): PersonSide => ({
  name: '张伟',
  birthDate: '1980-01-01',
  gender: '男',
  idNo: id('33012219800101001'),
  idNoMasked: null,
  address: null,
  households: [],
  ...over,
});

describe('scoring two person records', () => {
  it('proposes the same name and birth date in a shared household', () => {
    const s = scorePersons(person({ households: ['Household:H1'], idNo: null }), person({ households: ['Household:H1'], idNo: null }));
    expect(s).toEqual({ score: 0.85, reasons: ['sameNameAndBirthDate', 'sharedHousehold'] });
    expect(s!.score).toBeGreaterThanOrEqual(PROPOSE_AT);
  });

  it('proposes an ID number one digit apart, and ignores width and spaces in the name', () => {
    const s = scorePersons(person(), person({ name: '张 伟', idNo: id('33012219800101002') }));
    expect(s).toEqual({ score: 0.85, reasons: ['sameNameAndBirthDate', 'nearIdenticalId'] });
  });

  it('does not propose on name and birth date alone', () => {
    const s = scorePersons(person({ idNo: null }), person({ idNo: null }));
    expect(s!.score).toBe(0.5);
    expect(s!.score).toBeLessThan(PROPOSE_AT);
  });

  it('gives no score at all to the same name with another birth date (a near miss)', () => {
    expect(scorePersons(person({ households: ['H1'] }), person({ birthDate: '1980-01-02', households: ['H1'] }))).toBeNull();
  });

  it('counts a different gender against the pair', () => {
    const s = scorePersons(person({ households: ['H1'], idNo: null }), person({ households: ['H1'], idNo: null, gender: '女' }));
    expect(s).toEqual({ score: 0.55, reasons: ['sameNameAndBirthDate', 'sharedHousehold', 'differentGender'] });
  });

  it('compares masked numbers when the graph holds keyed tokens', () => {
    const masked = '330122********0011';
    const s = scorePersons(
      person({ idNo: 'tok-a', idNoMasked: masked, address: '桐庐县某村1号' }),
      person({ idNo: 'tok-b', idNoMasked: masked, address: '桐庐县 某村1号' }),
    );
    expect(s).toEqual({ score: 0.85, reasons: ['sameNameAndBirthDate', 'sameAddress', 'sameMaskedId'] });
  });
});

describe('how near two ID numbers are', () => {
  it('tells one digit, a swap of neighbours, the same body and numbers far apart', () => {
    expect(idNearness('330122198001010011', '330122198001010021')).toBe('oneDigit');
    expect(idNearness('330122198001010120', '330122198001011020')).toBe('transposition');
    expect(idNearness('330122198001010011', '330122198001010019')).toBe('same');
    expect(idNearness('330122198001010011', '330122198001019901')).toBeNull();
    expect(idNearness('tok-aaaaaaaaaaaaaaa', 'tok-aaaaaaaaaaaaaab')).toBeNull();
  });
});

describe('scoring two company records', () => {
  it('proposes the same name and legal representative', () => {
    const a = { name: '桐庐县某某建材有限公司', code: '91330122MA2A000010', legalReps: ['Person:x'] };
    const b = { name: '桐庐县某某建材有限公司', code: '91330122MA2A000029', legalReps: ['Person:x'] };
    expect(scoreCompanies(a, b)).toEqual({ score: 0.85, reasons: ['sameName', 'sameLegalRep'] });
  });

  it('proposes a credit code against an old registration number with full-width brackets alike', () => {
    const a = { name: '某某（桐庐）科技有限公司', code: '91330122MA2A000010', legalReps: [], address: '桐庐县迎春路1号' };
    const b = { name: '某某(桐庐)科技有限公司', code: '330122000012345', legalReps: [], address: '桐庐县迎春路1号' };
    expect(scoreCompanies(a, b)).toEqual({ score: 0.9, reasons: ['sameName', 'creditCodeAndOldRegNo', 'sameAddress'] });
    expect(normaliseName('某某（桐庐）')).toBe(normaliseName('某某(桐庐)'));
  });
});
