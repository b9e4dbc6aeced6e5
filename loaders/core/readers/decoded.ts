// A text file as characters, in the encoding its reader settled on (encoding.ts).
import { createReadStream } from 'node:fs';
import type { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import type { ByteRange } from './reader-types.js';

/**
 * Decoded text stream, of the whole file or a range of it; destroying the returned stream also closes the
 * file. A byte-order mark is only one at the file's start: a range past it keeps a U+FEFF it begins with.
 */
export function decoded(file: string, encoding: string, range?: ByteRange) {
  const raw = range ? createReadStream(file, { start: range.start, end: range.end - 1 }) : createReadStream(file);
  const out = raw.pipe(iconv.decodeStream(encoding, { stripBOM: !range || range.start === 0 }) as unknown as Transform);
  out.on('close', () => raw.destroy());
  raw.on('error', (e) => out.destroy(e));
  return out;
}
