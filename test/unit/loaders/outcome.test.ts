import { describe, expect, it } from 'vitest';
import type { FileReport } from '../../../loaders/core/file-pass.js';
import { columnsMark, EXIT, exitCodeOf, fileMark } from '../../../loaders/core/outcome.js';

const file = (over: Partial<FileReport> = {}): FileReport => ({
  id: 'hukou-1',
  source: 'hukou',
  file: '户籍人口.csv',
  fileHash: 'x',
  startedAt: '2026-12-02T00:00:00Z',
  durationMs: 1,
  rowsRead: 2,
  rowsLoaded: 2,
  rowsRejected: 0,
  duplicatesSkipped: 0,
  rejectsFile: null,
  status: 'loaded',
  stoppedAtRow: null,
  stopReason: null,
  columnsRead: '{}',
  unreadColumns: [],
  missingOptional: [],
  warnings: [],
  path: '/x/户籍人口.csv',
  reconciles: true,
  ...over,
});
const refused = { path: '/x/企业登记.xlsx', code: 'INPUT_LIMIT', reason: '…' };
const unknown = { path: '/x/truth.json', code: 'UNKNOWN_SOURCE', reason: '…' };

describe('the exit status of a load', () => {
  it('is 0 when every file loaded clean, unrecognised files aside', () => {
    expect(exitCodeOf({ files: [file()], skipped: [unknown] })).toBe(EXIT.clean);
  });
  it('is 3 for rejected rows or a relationship no row could build', () => {
    expect(exitCodeOf({ files: [file({ rowsRejected: 1, rowsLoaded: 1 })], skipped: [] })).toBe(EXIT.withRejects);
    expect(exitCodeOf({ files: [file({ warnings: ['LEGAL_REP_OF …'] })], skipped: [] })).toBe(EXIT.withRejects);
  });
  it('is 4 for a refused or stopped file, over rejects', () => {
    expect(exitCodeOf({ files: [file({ rowsRejected: 1 })], skipped: [refused] })).toBe(EXIT.filesFailed);
    expect(exitCodeOf({ files: [file({ status: 'stopped', stoppedAtRow: 3 })], skipped: [] })).toBe(EXIT.filesFailed);
  });
  it('is 1 for a count that does not reconcile, over everything', () => {
    expect(exitCodeOf({ files: [file({ reconciles: false })], skipped: [refused] })).toBe(EXIT.fatal);
  });
});

describe('the marks of a file', () => {
  it('keeps ✓ for unread or missing optional columns and flags them in the columns mark', () => {
    const f = file({ unreadColumns: ['性别'], missingOptional: ['建设地点 (site)'] });
    expect([fileMark(f), columnsMark(f)]).toEqual(['✓', '⚠ 1 unread, 1 not found']);
    expect([fileMark(file()), columnsMark(file())]).toEqual(['✓', 'all']);
  });
  it('gives ✗ to a stopped file and to one with a relationship no row could build', () => {
    expect(fileMark(file({ status: 'stopped' }))).toBe('✗');
    expect(fileMark(file({ warnings: ['x'] }))).toBe('✗');
  });
});
