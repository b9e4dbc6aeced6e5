// A pasted or uploaded list (名单) into entries: one per line, from plain text or a spreadsheet saved as
// CSV/TXT. Whether each entry is a valid ID number or credit code is the server's to say (it checks the
// check characters with the one implementation); this only finds the entries. Pure, unit-tested.

/** Header cells that name the column to screen, identifiers first: a list with both is screened by ID. */
const ID_HEADER = /^(身份证|公民身份|证件|统一社会信用代码|信用代码|社会信用代码|id|idno|id_no|code|uscc)/i;
const NAME_HEADER = /^(姓名|名称|单位名称|企业名称|投标人|name)/i;
const OTHER_HEADER = /^(序号|编号|no\.?|#|性别|职务|备注)$/i;
const LOOKS_LIKE_ID = /^[0-9A-Za-z]{15,18}$/;

const cellsOf = (line: string): string[] =>
  line.split(/[,\t;，；]/).map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .replace(/""/g, '"')
      .trim(),
  );

const isHeader = (cells: string[]) =>
  cells.some((c) => ID_HEADER.test(c) || NAME_HEADER.test(c)) && cells.every((c) => c === '' || !LOOKS_LIKE_ID.test(c.replace(/\s/g, '')));

/** The entries of a list, in order, each once. */
export function parseList(text: string): string[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  let column: number | null = null;
  const first = cellsOf(lines[0]!);
  if (isHeader(first) || first.every((c) => OTHER_HEADER.test(c) || c === '')) {
    const id = first.findIndex((c) => ID_HEADER.test(c));
    const name = first.findIndex((c) => NAME_HEADER.test(c));
    column = id >= 0 ? id : name >= 0 ? name : null;
    lines.shift();
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const cells = cellsOf(line);
    const pick =
      column !== null
        ? cells[column]
        : (cells.find((c) => LOOKS_LIKE_ID.test(c.replace(/\s/g, ''))) ?? cells.find((c) => c !== '' && !/^\d{1,4}$/.test(c)));
    const entry = pick?.trim();
    if (!entry || seen.has(entry)) continue;
    seen.add(entry);
    out.push(entry);
  }
  return out;
}
