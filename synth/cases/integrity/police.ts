// What the police-case models (M17, M18) share: a case party, and the punished parties who were Party
// members at the time of the case or officials in post then (a 证人 is not punished).
import { personUid } from '../../world/record-helpers.js';
import type { CaseParty, PoliceCase, Records } from '../../world/records.js';
import type { Person, World } from '../../world/world.js';
import { officialAt } from './roles.js';

export const party = (
  p: Person,
  role: CaseParty['role'],
  penalty: string,
  political: CaseParty['political'],
  job: string,
  employer: string,
): CaseParty => ({ person: p.idx, role, penalty, political, job, employer });

/** Punished members or officials of each case, in case and party order, with their match. */
export function punishedInsiders(world: World, records: Records): { c: PoliceCase; party: CaseParty; m: Record<string, string> }[] {
  const joined = new Map(records.party.map((m) => [m.person, m.joined]));
  const official = officialAt(world);
  const out: { c: PoliceCase; party: CaseParty; m: Record<string, string> }[] = [];
  for (const c of records.cases) {
    for (const party of c.parties) {
      if (!party.penalty) continue;
      const j = joined.get(party.person);
      if (!((j !== undefined && j <= c.time) || official(party.person, c.time))) continue;
      out.push({ c, party, m: { person: personUid(world, party.person), policeCase: `PoliceCase:${c.caseNo}` } });
    }
  }
  return out;
}
