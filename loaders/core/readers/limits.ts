// How much one file may ask of the reader before it is refused or a row of it rejected. Each limit is checked
// before the expensive step it guards (an archive before it is expanded, a JSON line before it is parsed).

export interface ReadLimits {
  /** A cell longer than this (UTF-8 bytes) rejects its row: no register holds 64 KiB in one field. */
  maxCellBytes: number;
  /** A JSON line nested deeper than this is rejected before parsing (deep nesting exhausts the stack). */
  maxJsonDepth: number;
  /** A workbook (a zip archive) declaring more than this many bytes once expanded is refused unopened. */
  maxExpandedBytes: number;
  /** … or expanding more than this many times its size (past 16 MiB expanded; small files compress well). */
  maxExpansionRatio: number;
  /** … or holding more entries than this. */
  maxArchiveEntries: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxCellBytes: 64 * 1024,
  maxJsonDepth: 64,
  maxExpandedBytes: 512 * 1024 * 1024,
  maxExpansionRatio: 200,
  maxArchiveEntries: 10_000,
};

export const limitsOf = (given: Partial<ReadLimits> | undefined): ReadLimits => ({ ...DEFAULT_LIMITS, ...given });
