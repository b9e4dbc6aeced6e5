// A county of ten million has more firms than two-character names and one /16 of addresses give: the
// generator must widen the space rather than draw for ever.
import { describe, expect, it } from 'vitest';
import { assignBidPeople } from '../../../synth/world/bid-people.js';
import { CompanyFactory } from '../../../synth/world/companies.js';
import { day } from '../../../synth/world/dates.js';
import { IdIssuer } from '../../../synth/world/ids.js';
import { Rng } from '../../../synth/world/prng.js';
import { emptyWorld, type Person } from '../../../synth/world/world.js';

/**
 * Draws on a budget: a generator drawing for ever on a full space fails here rather than hang the suite. The
 * budget starts once the source is seeded (its constructor draws too).
 */
function budgeted(seed: number, label: string, budget: number): Rng {
  const rng = new Rng(seed, label);
  const draw = rng.nextU32.bind(rng);
  let draws = 0;
  rng.nextU32 = () => {
    if (++draws > budget) throw new Error(`more than ${budget} draws`);
    return draw();
  };
  return rng;
}

const rep: Person = { idx: 0, idNo: '330122198001010011', name: '张三', male: true, birth: day(1980, 1, 1), hh: 0, rel: '02' };

describe('a crowded county', () => {
  it('names every firm of one trade apart when there are more firms than two-character names', () => {
    const world = emptyWorld();
    const factory = new CompanyFactory(world, budgeted(1, 'companies', 20_000_000), new IdIssuer(new Rng(1, 'ids')));
    // One trade, two places: about 12,500 two-character names (3 % of draws take a regional prefix).
    for (let i = 0; i < 15_000; i++) factory.create('other', rep, { trades: ['商贸'] });
    const names = world.companies.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(
      names.some(
        (n) => /^(桐庐|杭州)(华东|江南|之江)?.{3}商贸有限公司$/.test(n) && !/^(桐庐|杭州)(华东|江南|之江)?.{2}商贸有限公司$/.test(n),
      ),
    ).toBe(true);
  });

  it('gives every firm its own address when there are more firms than one /16 holds', () => {
    const world = emptyWorld();
    for (let i = 0; i < 70_000; i++) world.kits.push({ ip: '115.236.1.1', mac: `m${i}`, machine: `x${i}`, account: `a${i}` });
    assignBidPeople(world, budgeted(1, 'bid-people', 20_000_000), []);
    expect(new Set(world.kits.map((k) => k.ip)).size).toBe(70_000);
  });
});
