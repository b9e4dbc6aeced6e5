// Chooses the text encoding of a CSV or JSONL export. A byte-order mark decides; otherwise a declared
// encoding, unless the bytes contradict it; otherwise UTF-8 if the opening bytes decode strictly, else
// GB18030 (a superset of GBK and GB2312, which is what Chinese Excel writes as "CSV").
//
// The bytes overrule a declaration in two cases that cannot be mistaken: a mapping declaring GBK for a file
// whose Chinese text is valid UTF-8 (GBK-encoded Chinese is, in practice, never valid UTF-8: its trail bytes
// break UTF-8's continuation pattern within a character or two), and a mapping declaring UTF-8 for a file
// with many invalid sequences (Chinese Excel's CSV). One invalid sequence is a damaged file, not another
// encoding: the declaration holds and the cell is rejected with its reason. A department that moves its
// export from GBK to UTF-8 (or back) keeps loading; before, every row was garbled or the file refused.
import { open } from 'node:fs/promises';

const SAMPLE = 64 * 1024;

export interface Detected {
  encoding: string;
  bom: boolean;
}

export function detectEncoding(head: Buffer, declared?: string): Detected {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', bom: true };
  if (declared) return { encoding: overruled(head, declared.toLowerCase().replace(/^utf-8$/, 'utf8')), bom: false };
  return { encoding: isUtf8(head) ? 'utf8' : 'gb18030', bom: false };
}

const GB = new Set(['gbk', 'gb2312', 'gb18030', 'cp936']);
/** Invalid UTF-8 sequences in the sample above which a declared UTF-8 is taken for Chinese Excel's GB18030. */
const NOT_UTF8 = 3;

/** The declared encoding, or the one the bytes show when they contradict it (see the top of this file). */
function overruled(head: Buffer, declared: string): string {
  if (GB.has(declared) && head.some((b) => b >= 0x80) && isUtf8(head)) return 'utf8';
  if (declared === 'utf8' && !isUtf8(head)) {
    const bad = new TextDecoder('utf-8').decode(head).split('\ufffd').length - 1;
    if (bad >= NOT_UTF8) return 'gb18030';
  }
  return declared;
}

/** Strict UTF-8 check that forgives a multi-byte character cut off at the end of the sample. */
export function isUtf8(buf: Buffer): boolean {
  let end = buf.length;
  // Back up over at most 3 continuation bytes plus their lead byte if the sequence is incomplete.
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = buf[end - i]!;
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (i < need) end -= i;
    }
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

export async function sniffFile(file: string, declared?: string): Promise<Detected> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(SAMPLE);
    const { bytesRead } = await fh.read(buf, 0, SAMPLE, 0);
    return detectEncoding(buf.subarray(0, bytesRead), declared);
  } finally {
    await fh.close();
  }
}
