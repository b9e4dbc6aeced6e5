// The online writer's rows packed into one string (writer/packed-rows.ts): what the server's split gives back
// must be each value as the list form would carry it, and a value without a faithful text form must send the
// statement as lists. The Cypher that reads the string back runs against a real Neo4j in
// test/int/loaders/packed-rows.int.test.ts.
import { describe, expect, it } from 'vitest';
import { packRows } from '../../../loaders/core/writer/packed-rows.js';

/** What `split(split($packed, RS), US)` and `nullIf(…, '')` give the statement, in JavaScript. */
const unpack = (s: string) => s.split('\u001e').map((line) => line.split('\u001f').map((f) => (f === '' ? null : f)));

describe('rows packed into one string', () => {
  it('gives every value back as text in its place, an absent one as null', () => {
    const packed = packRows(
      [
        ['110101199001010011', 'Person:110101199001010011', 2, '张三', 1200.5, true, '2020-01-31', null],
        ['110101199001010029', 'Person:110101199001010029', 3, null, 0, false, null, 7],
      ],
      ['string', 'float', 'boolean', 'date', 'integer'],
    );
    expect(unpack(packed!)).toEqual([
      ['110101199001010011', 'Person:110101199001010011', '2', '张三', '1200.5', 'true', '2020-01-31', null],
      ['110101199001010029', 'Person:110101199001010029', '3', null, '0', 'false', null, '7'],
    ]);
  });

  it('keeps a float exact through its shortest decimal form', () => {
    const values = [0.1 + 0.2, 1e21, 5e-324, 123456789.123456];
    const packed = packRows([['k', 'u', 1, ...values]], ['float', 'float', 'float', 'float']);
    expect(packed).toBeDefined();
    expect(unpack(packed!)[0]!.slice(3).map(Number)).toEqual(values);
  });

  it('sends lists when a value holds a separator, is an empty string, or does not match its property type', () => {
    const row = (v: string | number | boolean | null) => [['k', 'Label:k', 1, v]];
    expect(packRows(row('a\u001fb'), ['string'])).toBeUndefined();
    expect(packRows(row('a\u001eb'), ['string'])).toBeUndefined();
    expect(packRows(row(''), ['string'])).toBeUndefined();
    expect(packRows(row(12), ['string'])).toBeUndefined();
    expect(packRows(row('12'), ['float'])).toBeUndefined();
    expect(packRows(row(Number.NaN), ['float'])).toBeUndefined();
    expect(packRows(row('yes'), ['boolean'])).toBeUndefined();
    expect(packRows(row('a'), ['string[]'])).toBeUndefined();
    expect(packRows([['k\u001f', 'Label:k', 1]], [])).toBeUndefined();
    expect(packRows(row('a'), ['string'])).toBe('k\u001fLabel:k\u001f1\u001fa');
  });
});
