// The header form beside the editor reads and writes the few header lines it shows (id, severity, the two
// titles) in the source text itself, so the file stays the one truth and keeps the analyst's layout and
// comments. Titles may be written `title: { zh: …, en: … }` or as two indented lines under `title:`. Pure.

export type HeaderField = 'id' | 'severity' | 'titleZh' | 'titleEn';

const headerEnd = (lines: string[]) => {
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '// ---');
  return end < 0 ? lines.length : end;
};

/** Index of the `// title:` line, and whether it holds a flow map. */
function titleLine(lines: string[], end: number): { i: number; flow: boolean } | null {
  const i = lines.slice(0, end).findIndex((l) => /^\/\/ title:/.test(l));
  return i < 0 ? null : { i, flow: /^\/\/ title:\s*\{/.test(lines[i]!) };
}

function topKey(lines: string[], end: number, key: string): number {
  return lines.slice(0, end).findIndex((l) => new RegExp(`^// ${key}:`).test(l));
}

/** Where a title's value is: line index and the regex whose group 2 is the value. */
function titleAt(lines: string[], end: number, lang: 'zh' | 'en'): { i: number; re: RegExp } | null {
  const t = titleLine(lines, end);
  if (!t) return null;
  if (t.flow) return { i: t.i, re: new RegExp(`(${lang}:\\s*)([^,}]*?)(\\s*[,}])`) };
  for (let i = t.i + 1; i < end && /^\/\/\s{2,}/.test(lines[i]!); i++)
    if (new RegExp(`^//\\s+${lang}:`).test(lines[i]!)) return { i, re: new RegExp(`^(//\\s+${lang}:\\s*)(.*?)()$`) };
  return null;
}

export function readField(source: string, field: HeaderField): string {
  const lines = source.split('\n');
  const end = headerEnd(lines);
  if (field === 'titleZh' || field === 'titleEn') {
    const at = titleAt(lines, end, field === 'titleZh' ? 'zh' : 'en');
    return at ? (at.re.exec(lines[at.i]!)?.[2] ?? '').trim() : '';
  }
  const i = topKey(lines, end, field);
  return i < 0
    ? ''
    : lines[i]!.replace(new RegExp(`^// ${field}:\\s*`), '')
        .replace(/\s+#.*$/, '')
        .trim();
}

/** The source with one field set; unchanged when the header has no such line to change. */
export function writeField(source: string, field: HeaderField, value: string): string {
  const lines = source.split('\n');
  const end = headerEnd(lines);
  const v = value.replace(/[\r\n]/g, ' ');
  if (field === 'titleZh' || field === 'titleEn') {
    const at = titleAt(lines, end, field === 'titleZh' ? 'zh' : 'en');
    if (!at) return source;
    lines[at.i] = lines[at.i]!.replace(at.re, (_m, a: string, _b: string, c: string) => `${a}${v}${c}`);
    return lines.join('\n');
  }
  const i = topKey(lines, end, field);
  if (i < 0) return source;
  lines[i] = `// ${field}: ${v}`;
  return lines.join('\n');
}

/** A starting point for a new model: every required key, one parameter, a query that reads. */
export const NEW_MODEL = `// ---
// id: site.new-model
// revision: 1
// title: { zh: 新模型, en: New model }
// description: What it finds, the rule behind it, and the false positives to expect.
// severity: medium
// tags: []
// parameters:
//   minAmount: { type: float, default: 0, description: ignore amounts below this }
// identity: [company, project]
// subjects:
//   - { column: company, role: company }
// evidence: evidence
// amount: amount
// summary:
//   zh: "{companyName}中标{projectName}，金额{amount}元"
//   en: "{companyName} won {projectName} for {amount}"
// ---
MATCH path = (c:Company)-[w:WON]->(x:Project)
WHERE w.amount >= $minAmount
RETURN c AS company, x AS project, c.name AS companyName, x.name AS projectName, w.amount AS amount, [path] AS evidence
`;
