// What planted integrity and welfare cases can do once the county exists: add posts, companies,
// Party membership, deaths, payments, police cases, sanctions and insurance, and record the case
// for truth.json. Cases build their people early (households, like M03) and finish here, after the
// background, through closures; so every case's records are written in one place.
import { usccCheckChar, orgCodeCheckChar, USCC_CHARS } from '../../platform/identifiers/uscc.js';
import type { CompanyFactory } from '../world/companies.js';
import type { Day } from '../world/dates.js';
import type { Company, Person, Post, World } from '../world/world.js';
import type { Rng } from '../world/prng.js';
import { caseNo, decisionNo, impactUntil, personUid, sanctionNo } from '../world/record-helpers.js';
import type { CaseParty, PoliceCase, Records, Sanction } from '../world/records.js';
import { byRole, type PlantedCase } from './case.js';

export type Finish = (ctx: PlantCtx) => PlantedCase[];

/** An integrity or welfare case, its identity given as role → uid (the model's identity columns). */
export function caseOf(
  model: string,
  id: string,
  expected: PlantedCase['expected'],
  kind: string,
  ids: Record<string, string>,
  note: string,
): PlantedCase {
  return { model, id, expected, kind, ...byRole(ids), involved: [], note };
}

export class PlantCtx {
  constructor(
    readonly world: World,
    readonly records: Records,
    readonly rng: Rng,
    private readonly factory: CompanyFactory,
  ) {}

  uid(p: Person | number): string {
    return personUid(this.world, typeof p === 'number' ? p : p.idx);
  }

  org(short: string): number {
    const o = this.world.orgs.find((x) => x.short === short) ?? this.world.orgs.find((x) => x.kind === '党政机关' && x.name.endsWith('局'));
    if (!o) throw new Error(`no unit ${short}`);
    return o.idx;
  }

  villageOrg(village: number): number {
    const o = this.world.orgs.find((x) => x.village === village);
    if (!o) throw new Error(`village ${village} has no committee`);
    return o.idx;
  }

  post(p: Person, org: number, title: string, level: string, leader: boolean, from: Day, to?: Day): Post {
    const post: Post = { person: p.idx, org, title, level, leader, from, planted: true };
    if (to !== undefined) post.to = to;
    this.world.posts.push(post);
    return post;
  }

  /** A company of `rep` (legal representative, 100% or `pct` shareholder, executive). */
  company(rep: Person, founded: Day, opts: { status?: Company['status']; pct?: number; region?: string } = {}): Company {
    const c = this.factory.create('other', rep, { founded, planted: true });
    c.status = opts.status ?? '存续';
    if (opts.region) c.uscc = outOfCountyUscc(this.rng, opts.region);
    if (opts.pct !== undefined) this.factory.share(c, { kind: 'person', idx: rep.idx }, opts.pct);
    this.factory.officer(c, rep, '执行董事兼总经理');
    return c;
  }

  share(c: Company, p: Person, pct: number, from?: Day, to?: Day): void {
    this.world.shareholdings.push({
      company: c.idx,
      holder: { kind: 'person', idx: p.idx },
      pct,
      from: from ?? c.founded,
      ...(to !== undefined ? { to } : {}),
    });
  }

  party(p: Person, joined: Day, job = '农民'): void {
    this.records.party.push({ person: p.idx, joined, branch: '', job });
  }

  death(p: Person, date: Day, lagging = false): void {
    this.records.deaths.push({
      person: p.idx,
      date,
      cremation: date + 2,
      home: '桐庐县殡仪馆',
      certNo: '',
      ...(lagging ? { lagging } : {}),
    });
  }

  police(type: string, time: Day, place: string, parties: CaseParty[], decided?: Day): PoliceCase {
    const c: PoliceCase = {
      caseNo: caseNo(this.records, time),
      decisionNo: decisionNo(this.records, time),
      type,
      time,
      second: this.rng.int(19 * 3600, 23 * 3600),
      place,
      unit: type.includes('驾驶') ? '桐庐县公安局交通警察大队' : '桐庐县公安局城南派出所',
      decided: decided ?? time + 3,
      parties,
    };
    this.records.cases.push(c);
    return c;
  }

  sanction(p: Person, postText: string, kind: '党纪' | '政务', type: string, decided: Day, reason: string): Sanction {
    const s: Sanction = {
      docNo: sanctionNo(this.records, kind, decided),
      person: p.idx,
      post: postText,
      kind,
      type,
      decided,
      until: impactUntil(kind, type, decided),
      reason,
    };
    this.records.sanctions.push(s);
    return s;
  }
}

/** A valid credit code registered outside the county (another region code). */
export function outOfCountyUscc(rng: Rng, region: string): string {
  let body8 = 'MA';
  for (let i = 0; i < 6; i++) body8 += USCC_CHARS[rng.int(0, 30)];
  const body17 = `91${region}${body8}${orgCodeCheckChar(body8)}`;
  return body17 + usccCheckChar(body17);
}
