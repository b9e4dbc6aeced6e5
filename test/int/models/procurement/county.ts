// A small procurement county for the model fixtures, built in the shape the loaders write it (tender.yaml,
// bid.yaml, award.yaml, direct-award.yaml, regulation.yaml): Org-[:TENDERED]->Project, Company-[:SUBMITTED]->
// Bid-[:FOR]->Project, the bid's identifiers as shared nodes (Device "<kind>:<value>", BankAccount, Phone,
// the project manager as a Person), Company-[:WON {amount, date}]->Project once per award, one AWARDED or
// INSPECTED per voucher or record. Each call returns the uid, so a test names its cases by uid.
import { int } from '../../../../platform/db/executor.js';
import { neoDate, neoDateTime } from '../../../../platform/db/values.js';
import { uid, type SeedLabel, type SeedNode, type SeedRel } from '../../../support/seed.js';

export const d = neoDate;

/** The subjects of one lot-pair alert (M25–M28) of `unit`'s lots: the two bidders in uid order and the lot. */
export const lotPair = (unit: string) => (company: string, company2: string, project: string) => ({ company, company2, project, unit });

export interface BidOpts {
  price?: number;
  disqualified?: boolean;
  reason?: string;
}

export class County {
  readonly nodes: SeedNode[] = [];
  readonly rels: SeedRel[] = [];
  readonly #seen = new Set<string>();

  /** A node once (later calls with the same key return the same uid). */
  node(label: SeedLabel, key: string, props: Record<string, unknown> = {}): string {
    const u = uid(label, key);
    if (!this.#seen.has(u)) {
      this.#seen.add(u);
      this.nodes.push({ label, key, props });
    }
    return u;
  }

  rel(from: string, type: string, to: string, props: Record<string, unknown> = {}): void {
    this.rels.push({ from, type, to, props });
  }

  unit(code: string, name: string, kind = '党政机关'): string {
    return this.node('Org', code, { name, kind });
  }

  /** A company; `insured` (参保人数) is written as an integer, as the company loader does. */
  company(uscc: string, name: string, props: { foundedDate?: string; insured?: number } = {}): string {
    const p: Record<string, unknown> = { name, status: '存续' };
    if (props.foundedDate) p.foundedDate = d(props.foundedDate);
    if (props.insured !== undefined) p.insuredCount = int(props.insured);
    return this.node('Company', uscc, p);
  }

  /** Companies named `names`, with credit codes `<prefix>01`, `<prefix>02`, … in order. */
  companies<const N extends readonly string[]>(prefix: string, names: N): { [K in keyof N]: string } {
    return names.map((name, i) => this.company(`${prefix}${String(i + 1).padStart(2, '0')}`, name)) as { [K in keyof N]: string };
  }

  /** Tenders of `unit` named `names`, coded `<prefix>1`, `<prefix>2`, … in order. */
  lots<const N extends readonly string[]>(unit: string, prefix: string, names: N): { [K in keyof N]: string } {
    return names.map((name, i) => this.lot(unit, `${prefix}${i + 1}`, name)) as { [K in keyof N]: string };
  }

  /** A tender (project or lot) of `unit`. */
  lot(unit: string, code: string, name: string, props: { method?: string; date?: string } = {}): string {
    const x = this.node('Project', code, { name, method: props.method ?? '公开招标', ...(props.date ? { date: d(props.date) } : {}) });
    this.rel(unit, 'TENDERED', x);
    return x;
  }

  /** A bid of `company` on `lot`, submitted at noon Beijing time on `day`; its price (1,000,000 unless
   * given) and, as bid.yaml writes them, whether it was thrown out (否决投标) and why. */
  bid(company: string, lot: string, code: string, day = '2023-03-01', opts: BidOpts = {}): string {
    const b = this.node('Bid', code, {
      price: opts.price ?? 1_000_000,
      submittedAt: neoDateTime(`${day}T12:00:00+08:00`),
      ...(opts.disqualified !== undefined ? { disqualified: opts.disqualified } : {}),
      ...(opts.reason ? { disqualifyReason: opts.reason } : {}),
    });
    this.rel(company, 'SUBMITTED', b);
    this.rel(b, 'FOR', lot);
    return b;
  }

  /** Bids of two firms on one lot, coded `<code>1` and `<code>2`. */
  pair(a: string, b: string, lot: string, code: string, day?: string): [string, string] {
    return [this.bid(a, lot, `${code}1`, day), this.bid(b, lot, `${code}2`, day)];
  }

  won(company: string, lot: string, amount: number, date: string): void {
    this.rel(company, 'WON', lot, { amount, date: d(date) });
  }

  /** A bid's device fingerprint (kind ip / mac / machineCode). */
  device(bid: string, kind: 'ip' | 'mac' | 'machineCode', value: string): void {
    this.rel(bid, 'USED_DEVICE', this.node('Device', `${kind}:${value}`, { kind, value }));
  }
}
