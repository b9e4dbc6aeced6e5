// The defaults the procurement models ship with (cypher/models/procurement/*.cypher), in one place so
// the generator's brute force and planted cases use exactly what the Cypher will use.
export const PARAMS = {
  /** M25: the 交易中心 开标室 public terminal; a shared upload IP from it proves nothing. */
  terminalIp: '59.202.36.18',
  /** M30: cover bidder = at least this many bids and no win. */
  coverMinBids: 20,
  /** M30: ring pair = at least this many lots together, every one won by one of the two. */
  ringMinTogether: 5,
  /** M31: share of one unit's award value, with at least this many awards. */
  dominantShare: 0.6,
  dominantMinAwards: 5,
  /** M32: shell winner. */
  shellMaxAgeDays: 365,
  shellMaxInsured: 2,
  shellMinAmount: 1_000_000,
  /** M35: each award below T, at least two within the window, sum at least T. */
  splitThreshold: 100_000,
  splitWindowDays: 180,
  /** M36: share of directly awarded value against peers of the same kind. */
  directMinShare: 0.5,
  directSigmas: 2,
  directMinItems: 5,
  directMinPeers: 3,
  /** M40: inspector intimacy and leniency. */
  inspMinTotal: 5,
  inspMinPair: 3,
  inspMinShare: 0.3,
  inspMinOthers: 2,
  inspMinOddsRatio: 3,
  lenientResults: ['合格'] as readonly string[],
} as const;
