// The normalisers a mapping may name, with the graph property type each produces (checked against
// graph.yaml when the mapping is validated) and the options each accepts.
import { invalid } from '../errors.js';
import { amount, phone, ratio } from './number.js';
import { date, datetime } from './date.js';
import { idNo } from './id-number.js';
import { kinCode } from './kin-code.js';
import { count } from './count.js';
import { deviceKey } from './device.js';
import { periodEnd, periodStart } from './period.js';
import { bool, code, enumValue, replaced, type Cell } from './text.js';
import { uscc } from './uscc.js';
import { e164, email, url } from './contact.js';
import { address } from './address.js';
import { identifier } from './identifier.js';
import type { PropType } from '../../../platform/schema/graph-schema.js';

export type { Cell } from './text.js';
export type Value = string | number | boolean;

export interface NormaliserDef {
  /** What the output may be stored as. */
  produces: PropType[];
  /** Option names the YAML may set (besides `type`). */
  options: string[];
  run(raw: Cell, opts: Record<string, unknown>): Value | null;
}

/** An ID number or a credit code: shareholder columns hold either. */
function partyId(raw: Cell): string | null {
  try {
    return idNo(raw);
  } catch {
    try {
      return uscc(raw);
    } catch {
      return invalid(
        '既不是有效的身份证号，也不是有效的统一社会信用代码',
        `"${String(raw)}" is neither a valid ID number nor a valid credit code`,
      );
    }
  }
}

export const NORMALISERS: Record<string, NormaliserDef> = {
  text: { produces: ['string'], options: ['replace'], run: (r, o) => replaced(r, o.replace as [string, string][] | undefined) },
  code: { produces: ['string'], options: [], run: (r) => code(r) },
  idNo: { produces: ['string'], options: [], run: (r) => idNo(r) },
  uscc: { produces: ['string'], options: [], run: (r) => uscc(r) },
  partyId: { produces: ['string'], options: [], run: (r) => partyId(r) },
  date: { produces: ['date'], options: [], run: (r) => date(r) },
  datetime: { produces: ['datetime'], options: ['tz'], run: (r, o) => datetime(r, typeof o.tz === 'string' ? o.tz : undefined) },
  amount: {
    produces: ['float'],
    options: ['unit'],
    // 亿元 only from a header that states it (transform.ts bindColumns); a mapping's own `unit` is 元 or 万元.
    run: (r, o) => amount(r, o.unit === '万元' || o.unit === '亿元' ? o.unit : '元'),
  },
  ratio: { produces: ['float'], options: [], run: (r) => ratio(r) },
  phone: { produces: ['string'], options: [], run: (r) => phone(r) },
  boolean: { produces: ['boolean'], options: [], run: (r) => bool(r) },
  kinCode: { produces: ['string'], options: [], run: (r) => kinCode(r) },
  // Bid fingerprints (device.ts): the Device key "<kind>:<value>", or with valueOnly the canonical value.
  device: {
    produces: ['string'],
    options: ['kind', 'valueOnly'],
    run: (r, o) => {
      const key = deviceKey(r, o.kind);
      return key !== null && o.valueOnly === true ? key.slice(key.indexOf(':') + 1) : key;
    },
  },
  count: { produces: ['integer'], options: [], run: (r) => count(r) },
  // A pay period (month, month range or year) as its first / last day: see period.ts.
  periodStart: { produces: ['date'], options: [], run: (r) => periodStart(r) },
  periodEnd: { produces: ['date'], options: [], run: (r) => periodEnd(r) },
  // Keys and identifiers as data (docs/loaders.md "Identifiers, contacts and addresses").
  e164: { produces: ['string'], options: [], run: (r) => e164(r) },
  email: { produces: ['string'], options: [], run: (r) => email(r) },
  url: { produces: ['string'], options: [], run: (r) => url(r) },
  address: { produces: ['string'], options: ['part'], run: (r, o) => address(r, o.part ?? 'full') },
  identifier: { produces: ['string'], options: ['scheme', 'register', 'yields'], run: (r, o) => identifier(r, o) },
  enum: {
    produces: ['string'],
    options: ['values', 'passthrough'],
    run: (r, o) => enumValue(r, o.values as Record<string, string>, o.passthrough === true),
  },
};

/** Which normaliser names are idNo-like, so their raw values are masked in rejects when pseudonymising. */
export const SENSITIVE_NORMALISERS = new Set(['idNo', 'partyId', 'identifier']);
