// Chooses the text encoding of a CSV or JSONL export. A byte-order mark decides; otherwise a declared
// encoding; otherwise UTF-8 if the opening bytes decode strictly, else GB18030 (a superset of GBK and
// GB2312, which is what Chinese Excel writes as "CSV").
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
  if (declared) return { encoding: declared.toLowerCase().replace(/^utf-8$/, 'utf8'), bom: false };
  return { encoding: isUtf8(head) ? 'utf8' : 'gb18030', bom: false };
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
