// LineFile encodes into one 1 MiB buffer: what crosses its end, and what is larger than it, must come out
// whole and in order.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LineFile } from '../../../platform/files/line-file.js';

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'huiyan-line-file-'));
  dirs.push(d);
  return path.join(d, 'out');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a file written a line or a piece at a time', () => {
  it('writes lines and pieces in order across many buffers, multi-byte text included', () => {
    const file = scratch();
    const out = new LineFile(file);
    let expected = '';
    for (let i = 0; i < 200_000; i++) {
      const s = i % 3 === 0 ? `张三${i},"杭州"` : `row ${i}`;
      if (i % 2) {
        out.put(s);
        expected += s;
      } else {
        out.line(s);
        expected += `${s}\n`;
      }
    }
    out.close();
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('writes a piece larger than its buffer between the pieces around it', () => {
    const file = scratch();
    const big = '慧'.repeat(500_000) + 'x'.repeat(300_000);
    const out = new LineFile(file);
    out.put('before ');
    out.line(big);
    out.put(big);
    out.put(' after');
    out.close();
    expect(readFileSync(file, 'utf8')).toBe(`before ${big}\n${big} after`);
  });

  it('puts the newline of a line that fills its buffer to the last byte', () => {
    const file = scratch();
    const out = new LineFile(file);
    // 1 + 3 × 349,525 bytes is exactly 1 MiB: the line's text ends at the buffer's last byte.
    const piece = '慧'.repeat(1000);
    out.put('a');
    for (let i = 0; i < 349; i++) out.put(piece);
    out.line('慧'.repeat(525));
    out.line('next');
    out.close();
    expect(readFileSync(file, 'utf8')).toBe(`a${piece.repeat(349)}${'慧'.repeat(525)}\nnext\n`);
  });
});
