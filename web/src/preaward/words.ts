// The pre-award check's codes in words: a KIN relation (spouse → 配偶), what a tie goes through (a
// relationship type or a label: SHAREHOLDER_OF → 股东, Phone → 电话), and a refusal with its code kept
// visible. Pure, unit-tested.
import type { ApiError } from '../api/client.js';
import { errorText, translate, MESSAGES, type Lang, type MessageKey } from '../i18n.js';
import { labelName, relName, type SchemaIndex } from '../schema.js';

type T = (k: MessageKey, p?: Record<string, string | number>) => string;

/** A relation M03's scope names; one the dictionary lacks stays as its code, still readable. */
export function kinName(t: T, relation: string): string {
  const key = `preaward.rel.${relation}` as MessageKey;
  return key in MESSAGES.zh ? t(key) : relation;
}

/** `via` is a relationship type (SHAREHOLDER_OF) or, for shared contacts and accounts, a label (Phone). */
export function viaName(schema: SchemaIndex | null, via: string, lang: Lang): string {
  return schema?.relTypes.has(via) ? relName(schema, via, lang) : labelName(schema, via, lang);
}

/**
 * A refusal as the page shows it: the pre-award check's own words for the codes it expects (no
 * permission, no such lot, outside the jurisdiction without a reason), with the code and the server's
 * message kept for a support call; any other code as every page shows it.
 */
export function checkError(lang: Lang, e: Pick<ApiError, 'code' | 'message'>): string {
  const key = `preaward.error.${e.code}` as MessageKey;
  if (!(key in MESSAGES[lang])) return errorText(lang, e.code, e.message);
  const sep = lang === 'zh' ? '：' : ': ';
  return `[${e.code}] ${translate(lang, key)}${e.message ? sep + e.message : ''}`;
}
