// Contact points as shared nodes: a phone or fax number in E.164, an e-mail address, a web address. Two
// bidders meet at one node when their files give the same number written two ways (0571-8888 0000 and
// +86 571 88880000), the same mailbox in other case, the same site with or without https://www.
import { invalid } from '../errors.js';
import { blankText, cellText, type Cell } from './text.js';

/**
 * E.164 (+<country><number>, digits only after the +). Numbers written locally are Chinese: a mobile
 * 1[3-9]xxxxxxxxx or a landline with its 0-prefixed area code become +86…; a number written with + or 00
 * keeps its country. A local landline without an area code cannot be placed and is refused.
 */
export function e164(raw: Cell): string | null {
  const s = cellText(typeof raw === 'number' ? String(raw) : raw);
  if (blankText(s)) return null;
  // An extension (转 123, ext. 123, x123) names a desk, not another line: the number is the line.
  const line = s.replace(/\s*(?:转|分机|ext\.?|x)\s*\d{1,6}$/i, '');
  let d = line.replace(/[\s\-().（）]/g, '');
  if (d.startsWith('00')) d = `+${d.slice(2)}`;
  if (d.startsWith('+')) {
    if (d.startsWith('+86')) d = `+86${d.slice(3).replace(/^0/, '')}`;
    if (/^\+[1-9]\d{6,14}$/.test(d)) return d;
    return invalid('不是国际电话号码', `"${s}" is not an international phone number (+ country code and 7-15 digits)`);
  }
  if (/^1[3-9]\d{9}$/.test(d)) return `+86${d}`;
  if (/^0[1-9]\d{8,10}$/.test(d)) return `+86${d.slice(1)}`;
  if (/^[2-9]\d{6,7}$/.test(d)) return invalid(`固定电话缺少区号，应写作 0571-${d}`, `"${s}" has no area code; write it as 0571-${d}`);
  return invalid('不是电话号码', `"${s}" is not a phone number`);
}

/** Lower case, trimmed, `mailto:` dropped; one @ and a dotted domain, else refused. */
export function email(raw: Cell): string | null {
  const s = cellText(raw)
    .replace(/^mailto:/i, '')
    .replace(/\s+/g, '')
    .toLowerCase();
  if (blankText(s)) return null;
  if (!/^[^@]+@[^@]+\.[a-z0-9-]{2,}$/.test(s)) return invalid('不是电子邮箱地址', `"${cellText(raw)}" is not an e-mail address`);
  return s;
}

/** A web address as host and path: no scheme, no `www.`, lower-case host, no trailing slash. */
export function url(raw: Cell): string | null {
  const s = cellText(raw).replace(/\s+/g, '');
  if (blankText(s)) return null;
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\.)?([^/?#]+)([^?#]*)/i.exec(s);
  const host = m?.[1]?.toLowerCase() ?? '';
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/.test(host)) return invalid('不是网址', `"${s}" is not a web address`);
  return host + (m![2] ?? '').replace(/\/+$/, '');
}
