// The workbench's header form edits the header lines in the source text: flow and block titles, top-level
// keys, and nothing else in the file.
import { describe, expect, it } from 'vitest';
import { NEW_MODEL, readField, writeField } from '../../../web/src/workbench/header-lines.js';

const BLOCK = `// ---
// id: integrity.drink-driving
// revision: 1
// title:
//   zh: 党员干部酒驾
//   en: Drink-driving
// severity: high   # why
// ---
MATCH (p) RETURN p // title: not this
`;

describe('header lines of the workbench form', () => {
  it('reads a flow title, the id and the severity', () => {
    expect(readField(NEW_MODEL, 'titleZh')).toBe('新模型');
    expect(readField(NEW_MODEL, 'titleEn')).toBe('New model');
    expect(readField(NEW_MODEL, 'id')).toBe('site.new-model');
    expect(readField(BLOCK, 'severity')).toBe('high');
  });

  it('reads and writes a block title without touching the rest', () => {
    expect(readField(BLOCK, 'titleEn')).toBe('Drink-driving');
    const out = writeField(BLOCK, 'titleZh', '酒驾醉驾');
    expect(out).toBe(BLOCK.replace('//   zh: 党员干部酒驾', '//   zh: 酒驾醉驾'));
  });

  it('writes a flow title in place', () => {
    const out = writeField(NEW_MODEL, 'titleEn', 'Large awards');
    expect(out.split('\n')[3]).toBe('// title: { zh: 新模型, en: Large awards }');
    expect(readField(out, 'titleZh')).toBe('新模型');
  });

  it('sets a top-level key and leaves the body alone', () => {
    const out = writeField(BLOCK, 'severity', 'critical');
    expect(out.split('\n')[6]).toBe('// severity: critical');
    expect(out.endsWith('MATCH (p) RETURN p // title: not this\n')).toBe(true);
  });
});
