import { describe, expect, it } from 'vitest';
import { idCheckChar, isValidId18 } from '../../../platform/identifiers/id-number.js';
import { isValidUscc, orgCodeCheckChar, usccCheckChar } from '../../../platform/identifiers/uscc.js';
import { wrongIdCheckChar } from '../../../synth/world/checksums.js';

describe('generator check characters', () => {
  it('reproduces the GB 11643 worked examples of the models catalog', () => {
    expect(idCheckChar('34052419800101001')).toBe('X');
    expect(idCheckChar('37010119010203997')).toBe('3');
    expect(isValidId18('11010519491231002X')).toBe(true);
    expect(isValidId18('110105194912310021')).toBe(false);
  });

  it('reproduces the GB 32100 worked examples (mod 31) and the GB 11714 org-code check', () => {
    expect(usccCheckChar('91512081MA62K0260')).toBe('E');
    expect(isValidUscc('91512081MA62K0260E')).toBe(true);
    expect(isValidUscc('91350100M000100Y4Z')).toBe(false);
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(orgCodeCheckChar('MA62K026')).toBe('0');
  });

  it('makes a wrong check character that is never the right one', () => {
    for (let i = 0; i < 2000; i++) {
      const body = String(33012219800101000 + i * 7);
      expect(wrongIdCheckChar(body)).not.toBe(idCheckChar(body));
    }
  });
});
