// Identifier schemes beyond the ID number and the credit code, phone numbers in E.164, e-mail, web and
// postal addresses: each a pure normaliser, checked on the forms older and foreign exports use.
import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../loaders/core/errors.js';
import { address, parseAddress } from '../../../loaders/core/normalise/address.js';
import { e164, email, url } from '../../../loaders/core/normalise/contact.js';
import { anyId, identifier } from '../../../loaders/core/normalise/identifier.js';
import { isValidOrgCode, isValidRegNo, regNoCheckDigit, schemeByShape } from '../../../platform/identifiers/schemes.js';
import { idCheckChar } from '../../../platform/identifiers/id-number.js';

const refused = (f: () => unknown) => expect(f).toThrow(InvalidValue);

describe('identifier schemes', () => {
  it('checks a 15-digit 工商注册号 by ISO 7064 MOD 11,10', () => {
    expect(regNoCheckDigit('44030110309741')).toBe('3');
    expect(isValidRegNo('440301103097413')).toBe(true);
    expect(isValidRegNo('440301103097414')).toBe(false);
  });

  it('checks a 9-character 组织机构代码 by GB 11714, with or without its hyphen', () => {
    expect(isValidOrgCode('MA62K0260')).toBe(true);
    expect(identifier('MA62K026-0', { scheme: 'cn-orgcode' })).toBe('cn-orgcode:MA62K0260');
    refused(() => identifier('MA62K0261', { scheme: 'cn-orgcode' }));
  });

  it('stores each scheme as "<scheme>:<value>", the value or the scheme alone', () => {
    expect(identifier('h 1234 5678', { scheme: 'hk-mo-tw' })).toBe('hk-mo-tw:H12345678');
    expect(identifier('E12345678', { scheme: 'passport', yields: 'value' })).toBe('E12345678');
    expect(identifier('01234567', { scheme: 'foreign', register: 'gb-coh' })).toBe('foreign:GB-COH:01234567');
    expect(identifier('91512081MA62K0260E', { yields: 'scheme' })).toBe('cn-uscc');
    refused(() => identifier('not a permit', { scheme: 'hk-mo-tw' }));
  });

  it('tells the scheme by shape, and refuses fifteen digits that read both as an ID number and a 注册号', () => {
    const id = '11010519491231002X';
    expect(schemeByShape(id)).toBe('cn-id');
    expect(anyId('91512081MA62K0260E')).toEqual({ scheme: 'cn-uscc', value: '91512081MA62K0260E' });
    expect(anyId('440301103097413')).toEqual({ scheme: 'cn-regno', value: '440301103097413' });
    // a legacy ID number whose 注册号 check happens to fail: read as the ID, upgraded
    const body = '110105491231002';
    const legacy = isValidRegNo(body) ? '110105491231012' : body;
    expect(anyId(legacy)?.scheme).toBe('cn-id');
    expect(anyId(legacy)?.value).toHaveLength(18);
    expect(idCheckChar(anyId(legacy)!.value.slice(0, 17))).toBe(anyId(legacy)!.value[17]);
    refused(() => anyId('ACME LTD'));
  });
});

describe('contacts', () => {
  it('writes local and international phone numbers in E.164', () => {
    expect(e164('0571-8888 0000')).toBe('+8657188880000');
    expect(e164('+86 (0571) 88880000')).toBe('+8657188880000');
    expect(e164('138 0571 0001')).toBe('+8613805710001');
    expect(e164('+44 20 7946 0958')).toBe('+442079460958');
    expect(e164('0044 20 7946 0958')).toBe('+442079460958');
    expect(e164('0571-88880000转123')).toBe('+8657188880000');
    refused(() => e164('88880000'));
    refused(() => e164('+0 123'));
  });

  it('lower-cases e-mail and strips a web address to host and path', () => {
    expect(email(' MAILTO:Bid@Example.COM ')).toBe('bid@example.com');
    refused(() => email('bid at example.com'));
    expect(url('https://www.Example.com/about/')).toBe('example.com/about');
    expect(url('example.com')).toBe('example.com');
    refused(() => url('not a site'));
  });
});

describe('addresses', () => {
  it('splits a Chinese address into its levels and keeps one street key for one building', () => {
    expect(parseAddress('中国 浙江省 杭州市 西湖区 三墩镇 文三路88号 501室')).toEqual({
      full: '浙江省杭州市西湖区三墩镇文三路88号501室',
      country: '中国',
      province: '浙江省',
      city: '杭州市',
      county: '西湖区',
      township: '三墩镇',
      street: '文三路',
      number: '88号',
      streetKey: '杭州市文三路88号',
    });
    expect(address('杭州市文三路88号502室', 'streetKey')).toBe('杭州市文三路88号');
    expect(address('浙江杭州市西湖区文三路88号', 'full')).toBe('浙江省杭州市西湖区文三路88号');
    expect(address('上海 浦东新区 世纪大道100号', 'city')).toBe('上海市');
  });

  it('gives no street key for an address that names only a city or a country', () => {
    expect(parseAddress('浙江省杭州市')).toEqual({ full: '浙江省杭州市', province: '浙江省', city: '杭州市' });
    expect(parseAddress('中国')).toBeNull();
  });

  it('keeps a foreign address as lower-case text, its street key without the flat', () => {
    expect(parseAddress('Flat 3, 10 Downing Street,  London')).toEqual({
      full: 'flat 3, 10 downing street, london',
      streetKey: '10 downing street, london',
    });
  });
});
