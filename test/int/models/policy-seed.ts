// A county unit whose director's brother represents two companies, each of which won one of the unit's
// tenders: one large (2,000,000 元) and one small (300,000 元). M03 with its default minAmount (0) flags
// both; a site that only looks at awards of 1,000,000 元 and more flags the large one.
import type { Executor } from '../../../platform/db/executor.js';
import { neoDate } from '../../../platform/db/values.js';
import { seed, uid } from '../../support/seed.js';

export const M03 = 'procurement.kin-of-official-at-winning-bidder';
export const LARGE_WINNER = uid('Company', 'C1');
export const SMALL_WINNER = uid('Company', 'C2');
export const POLICY_MIN_AMOUNT = `models:\n  ${M03}:\n    minAmount: 1000000\n`;

export async function seedTwoAwards(db: Executor): Promise<void> {
  await seed(
    db,
    [
      { label: 'Org', key: 'U', props: { name: '县交通局' } },
      { label: 'Person', key: 'P', props: { name: '刘洋' } },
      { label: 'Person', key: 'K', props: { name: '刘海' } },
      { label: 'Company', key: 'C1', props: { name: '海通路桥有限公司' } },
      { label: 'Company', key: 'C2', props: { name: '海达养护有限公司' } },
      { label: 'Project', key: 'X1', props: { name: '乡道改造' } },
      { label: 'Project', key: 'X2', props: { name: '路灯维修' } },
    ],
    [
      {
        from: uid('Person', 'P'),
        type: 'HOLDS_POST',
        to: uid('Org', 'U'),
        props: { title: '局长', isLeader: true, from: neoDate('2019-01-01') },
      },
      { from: uid('Person', 'P'), type: 'KIN', to: uid('Person', 'K'), props: { relation: 'sibling' } },
      { from: uid('Person', 'K'), type: 'LEGAL_REP_OF', to: LARGE_WINNER },
      { from: uid('Person', 'K'), type: 'LEGAL_REP_OF', to: SMALL_WINNER },
      { from: uid('Org', 'U'), type: 'TENDERED', to: uid('Project', 'X1') },
      { from: uid('Org', 'U'), type: 'TENDERED', to: uid('Project', 'X2') },
      { from: LARGE_WINNER, type: 'WON', to: uid('Project', 'X1'), props: { amount: 2_000_000, date: neoDate('2023-03-01') } },
      { from: SMALL_WINNER, type: 'WON', to: uid('Project', 'X2'), props: { amount: 300_000, date: neoDate('2023-05-01') } },
    ],
  );
}
