// Pay periods: the spellings departments use for a month, a range and a year, as first / last day.
import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../loaders/core/errors.js';
import { NORMALISERS } from '../../../loaders/core/normalise/index.js';

const start = (raw: string | number) => NORMALISERS.periodStart!.run(raw, {});
const end = (raw: string | number) => NORMALISERS.periodEnd!.run(raw, {});

describe('pay period normalisers', () => {
  it('reads one month in every spelling as that month', () => {
    for (const raw of ['2021-03', '2021年3月', '2021年03月份', '202103', 202103, '2021.3', '2021/03', '２０２１－０３']) {
      expect(start(raw), String(raw)).toBe('2021-03-01');
      expect(end(raw), String(raw)).toBe('2021-03-31');
    }
    expect(end('2024-02')).toBe('2024-02-29');
  });

  it('reads a range of months and a whole year', () => {
    expect([start('2021-01至2021-03'), end('2021-01至2021-03')]).toEqual(['2021-01-01', '2021-03-31']);
    expect([start('2021年1月-3月'), end('2021年1月-3月')]).toEqual(['2021-01-01', '2021-03-31']);
    expect([start('202111~202202'), end('202111~202202')]).toEqual(['2021-11-01', '2022-02-28']);
    expect([start('2023年度'), end('2023')]).toEqual(['2023-01-01', '2023-12-31']);
  });

  it('treats an empty cell as empty and refuses what is not a period', () => {
    expect(start('')).toBeNull();
    expect(start('-')).toBeNull();
    for (const raw of ['2021-13', '2021-03-05', '三月', '2021-03至2021-01', '1799-01']) expect(() => start(raw), raw).toThrow(InvalidValue);
  });
});
