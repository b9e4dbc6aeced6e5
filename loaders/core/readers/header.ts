// Header names are matched loosely: exports differ in full-width brackets, stray spaces, a leading BOM
// and the "*" that templates put on required columns.
export const headerKey = (h: string): string =>
  h
    .normalize('NFKC')
    .replace(/[\s\ufeff\u200b*＊]/g, '')
    .toLowerCase();
