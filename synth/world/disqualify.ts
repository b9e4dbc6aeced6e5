// Background 否决投标: evaluation committees throw out a share of losing bids on formalities (a missing seal,
// a late deposit). Its own PRNG stream, drawn after everything else, so the rest of the county keeps its
// data. Planted lots are left alone: their cases set the flags they rest on. Winning bids are never out.
import type { Rng } from './prng.js';
import type { World } from './world.js';

export const DISQUALIFY_REASONS = [
  '投标保证金未按要求提交',
  '投标文件未按规定签字盖章',
  '资格审查不合格',
  '报价超过最高投标限价',
  '未实质性响应招标文件要求',
] as const;

/** The share of background losing bids thrown out. */
const RATE = 0.04;

export function disqualifyBackground(world: World, rng: Rng): void {
  const winning = new Set(world.awards.map((a) => `${a.project}/${a.company}`));
  for (const b of world.bids) {
    if (world.projects[b.project]?.planted || winning.has(`${b.project}/${b.company}`)) continue;
    if (rng.chance(RATE)) {
      b.disqualified = true;
      b.disqualifyReason = rng.pick(DISQUALIFY_REASONS);
    }
  }
}
