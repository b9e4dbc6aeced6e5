// Every model's case file, in the order the generator calls them. The order is the order of the PRNG
// draws (and of truth.json's cases): a new case goes at the end of its phase's group, so the cases
// before it keep their data.
import type { CaseModule } from './module.js';
import { doublePayroll } from './integrity/double-payroll.js';
import { drinkDriving } from './integrity/drink-driving.js';
import { gamblingWithRegulatedParty } from './integrity/gambling-with-regulated-party.js';
import { leaderKinInBusiness } from './integrity/leader-kin-in-business.js';
import { officialInBusiness } from './integrity/official-in-business.js';
import { penalisedNeverDisciplined } from './integrity/penalised-never-disciplined.js';
import { promotedDuringSanction } from './integrity/promoted-during-sanction.js';
import { allRivalsDisqualified } from './procurement/all-rivals-disqualified.js';
import { identicalBidPrices } from './procurement/identical-bid-prices.js';
import { lowestBidDisqualified } from './procurement/lowest-bid-disqualified.js';
import { singleBidCompetitiveTender } from './procurement/single-bid-competitive-tender.js';
import { agentRecurringWinner } from './procurement/agent-recurring-winner.js';
import { bidRingCommunities } from './procurement/bid-ring-communities.js';
import { affiliatedBiddersOnLot } from './procurement/affiliated-bidders-on-lot.js';
import { coverBiddersAndRings } from './procurement/cover-bidders-and-rings.js';
import { directAwardShare } from './procurement/direct-award-share.js';
import { dominantWinner } from './procurement/dominant-winner.js';
import { inspectorIntimacy } from './procurement/inspector-intimacy.js';
import { kinOfOfficialAtWinningBidder } from './procurement/kin-of-official-at-winning-bidder.js';
import { sharedContactOnLot } from './procurement/shared-contact-on-lot.js';
import { sharedDepositAccountOnLot } from './procurement/shared-deposit-account-on-lot.js';
import { sharedDeviceOnLot } from './procurement/shared-device-on-lot.js';
import { shellWinner } from './procurement/shell-winner.js';
import { splitDirectAwards } from './procurement/split-direct-awards.js';
import { villageCadreKinVillageWorks } from './procurement/village-cadre-kin-village-works.js';
import { cadreKinDiscretionaryAid } from './welfare/cadre-kin-discretionary-aid.js';
import { exclusiveProgrammes } from './welfare/exclusive-programmes.js';
import { paidAfterDeath } from './welfare/paid-after-death.js';
import { payrollFarmSubsidy } from './welfare/payroll-farm-subsidy.js';
import { payrollHouseholdMeansTested } from './welfare/payroll-household-means-tested.js';
import { publicJobChildEmployedElsewhere } from './welfare/public-job-child-employed-elsewhere.js';
import { meansTestedHouseholdInBusiness } from './welfare/means-tested-household-in-business.js';

export const CASES: readonly CaseModule[] = [
  // early: own households first, own stream
  kinOfOfficialAtWinningBidder,
  // people: households per planted set, on the integrity plant stream
  officialInBusiness,
  leaderKinInBusiness,
  penalisedNeverDisciplined,
  drinkDriving,
  promotedDuringSanction,
  cadreKinDiscretionaryAid,
  publicJobChildEmployedElsewhere,
  payrollHouseholdMeansTested,
  payrollFarmSubsidy,
  paidAfterDeath,
  exclusiveProgrammes,
  gamblingWithRegulatedParty,
  doublePayroll,
  meansTestedHouseholdInBusiness,
  // bidding, then direct awards, then inspections, on the procurement stream
  sharedDeviceOnLot,
  sharedDepositAccountOnLot,
  sharedContactOnLot,
  affiliatedBiddersOnLot,
  coverBiddersAndRings,
  dominantWinner,
  shellWinner,
  villageCadreKinVillageWorks,
  splitDirectAwards,
  directAwardShare,
  inspectorIntimacy,
  // the bid patterns on a lot (added later: their bidding draws come after every earlier case's)
  singleBidCompetitiveTender,
  identicalBidPrices,
  allRivalsDisqualified,
  lowestBidDisqualified,
  agentRecurringWinner,
  // rings of three or more (M46), after every pair case
  bidRingCommunities,
];
