// An XLSX workbook is a zip archive. When it was expanded into memory whole, a zip bomb (a few KB declaring
// gigabytes) took 54 s and 1.7 GB before failing. The archive's central directory, read from the end of the
// file, says how many entries and how many expanded bytes it holds; past the limits the file is refused
// before anything is expanded. An archive that lies about a part's size fails when that part is read: yauzl
// counts the expanded bytes against the declared size ("too many bytes in the stream"), so the workbook
// stream (workbook.ts) stops there.
import { open } from 'node:fs/promises';
import { InputLimit, UnreadableFile } from '../errors.js';
import type { ReadLimits } from './limits.js';

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 64 KiB. */
const TAIL = 22 + 0xffff + 20;

interface Directory {
  entries: number;
  offset: number;
  size: number;
}

function directoryOf(tail: Buffer, read64: (pos: number) => Promise<Buffer>): Promise<Directory> | Directory {
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  if (at < 0) throw new Error('no zip end-of-directory record');
  const dir = { entries: tail.readUInt16LE(at + 10), size: tail.readUInt32LE(at + 12), offset: tail.readUInt32LE(at + 16) };
  const loc = at - 20;
  if ((dir.entries === 0xffff || dir.offset === 0xffffffff) && loc >= 0 && tail.readUInt32LE(loc) === EOCD64_LOCATOR) {
    const pos = Number(tail.readBigUInt64LE(loc + 8));
    return read64(pos).then((b) => {
      if (b.readUInt32LE(0) !== EOCD64) throw new Error('bad zip64 end-of-directory record');
      return { entries: Number(b.readBigUInt64LE(32)), size: Number(b.readBigUInt64LE(40)), offset: Number(b.readBigUInt64LE(48)) };
    });
  }
  return dir;
}

/** Expanded size of one central-directory entry, from its zip64 extra field when the 32-bit one is saturated. */
function expandedSize(cd: Buffer, p: number): number {
  const size = cd.readUInt32LE(p + 24);
  if (size !== 0xffffffff) return size;
  const nameLen = cd.readUInt16LE(p + 28);
  const extraLen = cd.readUInt16LE(p + 30);
  for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen;) {
    const id = cd.readUInt16LE(e);
    const len = cd.readUInt16LE(e + 2);
    if (id === 0x0001) return Number(cd.readBigUInt64LE(e + 4));
    e += 4 + len;
  }
  return size;
}

/** Refuses (InputLimit) an archive whose directory declares more than the limits allow; reads only its directory. */
export async function checkArchive(file: string, limits: ReadLimits): Promise<void> {
  const fh = await open(file, 'r');
  try {
    const { size: fileSize } = await fh.stat();
    const start = Math.max(0, fileSize - TAIL);
    const tail = Buffer.alloc(fileSize - start);
    await fh.read(tail, 0, tail.length, start);
    let dir: Directory;
    try {
      dir = await directoryOf(tail, async (pos) => {
        const b = Buffer.alloc(56);
        await fh.read(b, 0, 56, pos);
        return b;
      });
    } catch (e) {
      throw new UnreadableFile(file, `not a readable XLSX workbook: ${(e as Error).message}`);
    }
    if (dir.entries > limits.maxArchiveEntries)
      throw new InputLimit(file, `the workbook archive holds ${dir.entries} entries, more than the limit of ${limits.maxArchiveEntries}`);
    if (dir.offset + dir.size > fileSize)
      throw new UnreadableFile(file, 'not a readable XLSX workbook: its zip directory lies past the end');
    const cd = Buffer.alloc(dir.size);
    await fh.read(cd, 0, dir.size, dir.offset);
    let expanded = 0;
    for (let p = 0, n = 0; n < dir.entries && p + 46 <= cd.length; n++) {
      if (cd.readUInt32LE(p) !== CENTRAL) break;
      expanded += expandedSize(cd, p);
      p += 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    if (expanded > limits.maxExpandedBytes)
      throw new InputLimit(file, `the workbook expands to ${mib(expanded)}, more than the limit of ${mib(limits.maxExpandedBytes)}`);
    if (expanded > 16 * 1024 * 1024 && expanded > fileSize * limits.maxExpansionRatio)
      throw new InputLimit(
        file,
        `the workbook expands ${Math.round(expanded / fileSize)} times its size (${mib(expanded)}), more than the limit of ${limits.maxExpansionRatio}`,
      );
  } finally {
    await fh.close();
  }
}
