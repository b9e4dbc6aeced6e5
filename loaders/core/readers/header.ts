// Header names are matched loosely: exports differ in full-width brackets, stray spaces, a leading BOM
// and the "*" that templates put on required columns.
export const headerKey = (h: string): string =>
  h
    .normalize('NFKC')
    .replace(/[\s\ufeff\u200b*＊]/g, '')
    .toLowerCase();

/**
 * A header key's note in brackets at its end, and the key without it: 发放金额(元), 中标金额（万元）,
 * 身份证号(18位), 出生日期【yyyy-mm-dd】. Undefined when it has none.
 */
export function noteOf(key: string): { bare: string; note: string } | undefined {
  const m = /^(.+?)[([【]([^()[\]【】]*)[)\]】]$/.exec(key);
  return m ? { bare: m[1]!, note: m[2]! } : undefined;
}

/**
 * The keys a header row offers: each header's key, and the bare name of one carrying a note in brackets
 * (身份证号(18位), 发放金额(元)), which holds the column its bare name does.
 */
export function headerKeysOf(headers: string[]): Set<string> {
  return new Set(
    headers.flatMap((h) => {
      const k = headerKey(h);
      const n = noteOf(k);
      return n ? [k, n.bare] : [k];
    }),
  );
}
