// Bid-document fingerprints as one Device key each, "<kind>:<value>", so the same machine seen in two
// bids is one node whatever spelling the platform exported (MAC with ':' or '-', lower case, padding).
// A value in no known shape is kept as cleaned text rather than refused: a fingerprint is evidence
// about the bid, and a bid must not be rejected because its platform logged a short or odd one.
import { invalid } from '../errors.js';
import { text, type Cell } from './text.js';

export const DEVICE_KINDS = ['ip', 'mac', 'machineCode'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** The identifier itself, canonical for its kind; null when empty. */
export function deviceValue(raw: Cell, kind: DeviceKind): string | null {
  const s = text(raw);
  if (s === null) return null;
  switch (kind) {
    case 'ip': {
      const parts = s.split('.');
      if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return s.replace(/\s+/g, '');
      return parts.map(Number).join('.');
    }
    case 'mac': {
      const hex = s.replace(/[-:.\s]/g, '').toUpperCase();
      if (!/^[0-9A-F]{12}$/.test(hex)) return s.replace(/\s+/g, '').toUpperCase();
      return hex.match(/../g)!.join('-');
    }
    case 'machineCode': {
      return s.replace(/[-\s]/g, '').toUpperCase();
    }
  }
}

/** The Device node key: "<kind>:<canonical value>". */
export function deviceKey(raw: Cell, kind: unknown): string | null {
  if (typeof kind !== 'string' || !(DEVICE_KINDS as readonly string[]).includes(kind))
    return invalid('设备类型不在可选项中', `device kind must be one of ${DEVICE_KINDS.join(', ')}`);
  const v = deviceValue(raw, kind as DeviceKind);
  return v === null ? null : `${kind}:${v}`;
}
