// The boundary to a workbook's package: the zip archive (yauzl, which reads entries where they lie, from the
// central directory, so a part can be opened in any order and several at once) and its small XML parts
// (saxes): where the sheets, shared strings and styles are, the sheets' names in tab order, the date system,
// and which cell styles show a number as a date. The large parts (sheets, shared strings) are streamed by
// workbook.ts and shared-strings.ts; only these small ones are read whole.
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { isDateFormat } from 'numfmt';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';

export interface SheetPart {
  name: string;
  /** The sheet's part in the archive, or undefined when the workbook names a part it does not hold. */
  path: string | undefined;
}

export interface WorkbookPackage {
  /** Sheets in tab order. */
  sheets: SheetPart[];
  sharedStrings: string | undefined;
  /** Per cell style (the `s` of a cell): whether it shows a number as a date. */
  dateStyles: boolean[];
  date1904: boolean;
  open(path: string): Promise<Readable>;
  /** Closes the archive once its open parts' streams are destroyed; resolves when the file is closed. */
  close(): Promise<void>;
}

type PlainOptions = { xmlns: false; position: false };
type Parser = SaxesParser<PlainOptions>;

/** A tag or attribute name without its prefix: SpreadsheetML may be bound to one (<x:row>, the Open XML SDK's way). */
export const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * An attribute: an unprefixed one by its name (SpreadsheetML's own attributes are unqualified even where its
 * elements carry a prefix), a prefixed one (r:id) by its local name, whatever prefix the writer bound.
 */
export function attr(tag: SaxesTagPlain, name: string, prefixed = false): string | undefined {
  if (!prefixed) return tag.attributes[name];
  for (const [k, v] of Object.entries(tag.attributes)) if (k.endsWith(`:${name}`)) return v;
  return undefined;
}

/** A parser that hands each tag and text to the given handlers by local name; positions are not tracked (speed). */
export function xmlParser(on: {
  open?: (name: string, tag: SaxesTagPlain) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}): Parser {
  const p: Parser = new SaxesParser<PlainOptions>({ xmlns: false, position: false });
  if (on.open) {
    const open = on.open;
    p.on('opentag', (tag) => open(local(tag.name), tag));
  }
  if (on.close) {
    const close = on.close;
    p.on('closetag', (tag) => close(local(tag.name)));
  }
  if (on.text) p.on('text', on.text);
  return p;
}

/** Feeds a stream's bytes to a parser as text; a character split between two chunks is joined first. */
export async function* feed(stream: Readable, parser: Parser): AsyncGenerator<void> {
  const utf8 = new StringDecoder('utf8');
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parser.write(utf8.write(chunk));
    yield;
  }
  parser.write(utf8.end());
  parser.close();
}

/** The built-in number formats that are dates (ECMA-376 18.8.30, with the Chinese and Japanese locales' 27–36 and 50–58). */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A part's path from a relationship's target, relative to the part that names it unless it starts at the root. */
function resolve(from: string, target: string): string {
  const base = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const seg of target.replace(/^\/+/, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

const relsOf = (part: string) => {
  const dir = part.split('/').slice(0, -1);
  return [...dir, '_rels', `${part.split('/').at(-1)}.rels`].join('/');
};

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((ok, fail) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false }, (e, zip) => (e ? fail(e) : ok(zip))),
  );
}

function entriesOf(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  return new Promise((ok, fail) => {
    zip.on('entry', (e: yauzl.Entry) => {
      // Part names are case-insensitive (OPC); some writers use a leading slash or backslashes.
      entries.set(e.fileName.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase(), e);
      zip.readEntry();
    });
    zip.once('end', () => ok(entries));
    zip.once('error', fail);
    zip.readEntry();
  });
}

/**
 * yauzl closes the file once the archive and every stream from it have let go, and only then, asynchronously:
 * waited for, so that a load's next workbook does not open while this one is still held. Bounded, so that a
 * stream this code failed to destroy holds the descriptor, not the load.
 */
function closed(zip: yauzl.ZipFile): Promise<void> {
  if (!zip.isOpen) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(done, 2000);
    timer.unref();
    const end = () => {
      clearTimeout(timer);
      done();
    };
    zip.once('close', end);
    zip.once('error', end);
    zip.close();
  });
}

/** Opens a workbook's package and reads its small parts. The caller closes it. */
export async function openPackage(file: string): Promise<WorkbookPackage> {
  const zip = await openZip(file);
  try {
    const entries = await entriesOf(zip);
    const has = (path: string) => entries.has(path.toLowerCase());
    const open = async (path: string): Promise<Readable> => {
      const entry = entries.get(path.toLowerCase());
      if (!entry) throw new Error(`the archive has no part ${path}`);
      return zip.openReadStreamPromise(entry);
    };
    const parse = async (path: string, on: Parameters<typeof xmlParser>[0]) => {
      if (!has(path)) return false;
      for await (const _ of feed(await open(path), xmlParser(on)));
      return true;
    };
    const rels = async (part: string) => {
      const out: { id: string; type: string; path: string }[] = [];
      await parse(relsOf(part), {
        open: (name, tag) => {
          const target = attr(tag, 'Target');
          if (name === 'Relationship' && target && attr(tag, 'TargetMode') !== 'External')
            out.push({ id: attr(tag, 'Id') ?? '', type: attr(tag, 'Type') ?? '', path: resolve(part, target) });
        },
      });
      return out;
    };
    const byType = (list: { type: string; path: string }[], type: string) => list.find((r) => r.type.endsWith(`/${type}`))?.path;

    const workbook = byType(await rels(''), 'officeDocument') ?? 'xl/workbook.xml';
    const sheetList: { name: string; id: string | undefined }[] = [];
    let date1904 = false;
    const found = await parse(workbook, {
      open: (name, tag) => {
        if (name === 'sheet') sheetList.push({ name: attr(tag, 'name') ?? '', id: attr(tag, 'id', true) });
        else if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attr(tag, 'date1904') ?? '');
      },
    });
    if (!found) throw new Error(`the archive has no workbook part (${workbook})`);
    const parts = await rels(workbook);
    const byId = new Map(parts.map((r) => [r.id, r.path]));
    const sheets = sheetList.map((s) => {
      const path = s.id === undefined ? undefined : byId.get(s.id);
      return { name: s.name, path: path !== undefined && has(path) ? path : undefined };
    });
    const sharedStrings = [byType(parts, 'sharedStrings'), 'xl/sharedStrings.xml'].find((p) => p !== undefined && has(p));
    const stylesPart = byType(parts, 'styles') ?? 'xl/styles.xml';
    return { sheets, sharedStrings, dateStyles: await dateStylesOf(stylesPart, parse), date1904, open, close: () => closed(zip) };
  } catch (e) {
    zip.close();
    throw e;
  }
}

/** Which cell styles (cellXfs, in order) show a number as a date: by built-in number format, or by a custom format's code. */
async function dateStylesOf(
  part: string,
  parse: (path: string, on: Parameters<typeof xmlParser>[0]) => Promise<boolean>,
): Promise<boolean[]> {
  const codes = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await parse(part, {
    open: (name, tag) => {
      if (name === 'numFmt') codes.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(attr(tag, 'numFmtId') ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const isDate = (id: number) => {
    const code = codes.get(id);
    return code !== undefined ? code !== '' && isDateFormat(code) : BUILT_IN_DATES.has(id);
  };
  return xfs.map(isDate);
}
