// Display helpers shared by the panels. Pure.
import type { Entity } from './api/types.js';
import type { Lang } from './i18n.js';

const ID_NUMBER = /^(\d{6})(\d{8}|\d{5})(\d{3}[\dXx]|\d{2}[\dXx]?)$/;

/**
 * What a list shows as the identifier. An ID number never appears whole on screen (the server masks
 * properties by role; the uid is an address, not something to read out), so the key of a uid that looks
 * like a 15- or 18-digit ID number is masked to its region and last four; other keys (credit codes,
 * project codes, tokens) show as they are.
 */
export function maskedId(uid: string): string {
  const colon = uid.indexOf(':');
  const key = colon >= 0 ? uid.slice(colon + 1) : uid;
  if ((key.length === 18 || key.length === 15) && ID_NUMBER.test(key)) {
    return `${key.slice(0, 6)}${'*'.repeat(key.length - 10)}${key.slice(-4)}`;
  }
  return key;
}

/** The masked ID the server computed when it has one, else our own masking of the uid. */
export function displayId(e: Pick<Entity, 'id' | 'properties'>): string {
  const m = e.properties['idNoMasked'];
  return typeof m === 'string' && m !== '' ? m : maskedId(e.id);
}

export function formatAmount(n: number | null | undefined, lang: Lang): string {
  if (n == null || !Number.isFinite(n)) return '';
  if (lang === 'zh' && Math.abs(n) >= 10_000) {
    return `${(n / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;
  }
  return lang === 'zh'
    ? `${n.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`
    : `CNY ${n.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;
}

/** A property value as text: lists joined, booleans in words, objects (Neo4j temporals) as JSON. */
export function formatValue(v: unknown, yes: string, no: string): string {
  if (v == null) return '';
  if (typeof v === 'boolean') return v ? yes : no;
  if (Array.isArray(v)) return v.map((x) => formatValue(x, yes, no)).join('、');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function formatTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
