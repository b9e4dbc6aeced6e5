// Cuts a text file into byte ranges at record boundaries, so that several threads can each read one range
// (source-reader.ts rangeRows) and the rows come out as one reader would give them. A record ends at a line
// feed outside quotes; a CSV quote opens a quoted field only at a field's start (csv-parse's relax_quotes
// keeps one elsewhere as text), and inside one a doubled quote is a quote. Cuts are only made at LF: a bare
// CR also ends a CSV record, but never cutting there loses nothing but balance.
//
// Where the file leaves that grammar (a closing quote followed by text, which csv-parse refuses), the rest of
// the file is one range: its reader stops where a single reader would, with the same message. Encodings in
// which these bytes can be part of a character (UTF-16; GB18030 with a delimiter byte of 0x40 or more) are
// not cut at all.
import { open } from 'node:fs/promises';
import type { ByteRange, TextSource } from './source-reader.js';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
/** Encodings where every byte below 0x80 is that ASCII character (GB18030's second bytes start at 0x40; its four-byte forms use digits). */
const ASCII_SAFE = new Set(['utf8', 'utf-8', 'ascii', 'latin1', 'gb18030', 'gbk', 'gb2312']);

/** The delimiter's byte when the file can be cut safely; undefined when it cannot be cut. */
function cuttable(src: TextSource): { delimiter: number | undefined } | undefined {
  const enc = src.encoding.toLowerCase();
  if (!ASCII_SAFE.has(enc)) return undefined;
  if (src.format === 'jsonl') return { delimiter: undefined };
  const d = Buffer.from(src.delimiter, 'latin1');
  if (d.length !== 1 || d[0]! >= (enc.startsWith('gb') ? 0x40 : 0x80)) return undefined;
  return { delimiter: d[0]! };
}

/**
 * The file's ranges, each about `target` bytes or more, in file order, covering it whole. Read lazily: a
 * range is found only when asked for, through one fixed buffer.
 */
export async function* cutPoints(src: TextSource, target: number, blockSize = 1 << 20): AsyncGenerator<ByteRange> {
  const fh = await open(src.file, 'r');
  try {
    const size = (await fh.stat()).size;
    const how = cuttable(src);
    if (!how) {
      yield { start: 0, end: size };
      return;
    }
    const csv = how.delimiter !== undefined;
    const isFieldStart = (b: number | undefined) => b === undefined || b === how.delimiter || b === LF || b === CR;
    // A cut is made at most once a block: a block no larger than a range keeps ranges near their size.
    const size1 = Math.max(1, Math.min(blockSize, target));
    const buf = Buffer.alloc(size1);
    let start = 0;
    let base = 0;
    let inQuotes = false;
    // A quote inside a quoted field as a block's last byte: the next block's first byte decides what it was.
    let pendingQuote = false;
    let prev: number | undefined;
    let lastCut = 0;
    // A byte-order mark precedes the first field; the first field starts after it.
    let skip = 0;
    for (;;) {
      const { bytesRead: n } = await fh.read(buf, 0, size1, base);
      if (n === 0) break;
      const b = buf.subarray(0, n);
      let i = 0;
      if (base === 0 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = skip = 3;
      let irregular = false;
      if (pendingQuote) {
        pendingQuote = false;
        if (b[0] === QUOTE) i = 1;
        else if (isFieldStart(b[0])) inQuotes = false;
        else irregular = true;
      }
      while (!irregular && i < n) {
        if (!csv) {
          const nl = b.lastIndexOf(LF, n - 1);
          if (nl >= i) lastCut = base + nl + 1;
          break;
        }
        const q = b.indexOf(QUOTE, i);
        if (!inQuotes) {
          const stop = q < 0 ? n : q;
          if (stop > i) {
            const nl = b.lastIndexOf(LF, stop - 1);
            if (nl >= i) lastCut = base + nl + 1;
          }
          if (q < 0) break;
          const before = q > 0 ? b[q - 1] : prev;
          if (base + q === skip || isFieldStart(before)) inQuotes = true;
          i = q + 1;
        } else {
          if (q < 0) break;
          if (q + 1 === n) {
            pendingQuote = true;
            break;
          }
          const next = b[q + 1]!;
          if (next === QUOTE) i = q + 2;
          else if (isFieldStart(next)) {
            inQuotes = false;
            i = q + 1;
          } else irregular = true;
        }
      }
      if (irregular) break;
      prev = b[n - 1];
      base += n;
      if (lastCut - start >= target) {
        yield { start, end: lastCut };
        start = lastCut;
      }
    }
    if (start < size) yield { start, end: size };
  } finally {
    await fh.close();
  }
}
