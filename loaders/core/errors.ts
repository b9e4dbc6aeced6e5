// Expected failures of the loaders, as named classes with stable codes, so the CLI and the API can tell a
// bad mapping (fix the YAML) from a bad file (fix the export) from a bad value (goes to the rejects file).

export type LoaderErrorCode =
  'INVALID_MAPPING' | 'UNKNOWN_SOURCE' | 'MISSING_COLUMNS' | 'UNREADABLE_FILE' | 'INPUT_LIMIT' | 'INVALID_VALUE' | 'ONLINE_ONLY';

export abstract class LoaderError extends Error {
  abstract readonly code: LoaderErrorCode;
}

/** A mapping that does not fit graph.yaml or is malformed; raised before any row is read. */
export class InvalidMapping extends LoaderError {
  override name = 'InvalidMapping';
  readonly code = 'INVALID_MAPPING' as const;
  constructor(
    readonly mappingId: string,
    readonly reason: string,
  ) {
    super(`mapping ${mappingId}: ${reason}`);
  }
}

/**
 * No mapping recognises the file by name or header. `nearest`: the mappings it comes closest to, as
 * nearestText lines (mapping/nearest.ts), so the person adapting a mapping knows which one to start from.
 */
export class UnknownSource extends LoaderError {
  override name = 'UnknownSource';
  readonly code = 'UNKNOWN_SOURCE' as const;
  constructor(
    readonly file: string,
    readonly nearest: string[] = [],
  ) {
    super(
      `${file}: 无映射可识别此文件 no mapping recognises this file (by name or header)` +
        (nearest.length
          ? `; nearest 最接近的映射: ${nearest.join(' | ')}; start a mapping from it: npm run mapping -- draft ${JSON.stringify(file)}`
          : ''),
    );
  }
}

/**
 * The header lacks columns the mapping requires: every row would be rejected, so the file is refused. A text
 * file's message names the encoding it was read in and the header as decoded, since a wrong encoding makes
 * every column look missing.
 */
export class MissingColumns extends LoaderError {
  override name = 'MissingColumns';
  readonly code = 'MISSING_COLUMNS' as const;
  constructor(
    readonly file: string,
    readonly columns: string[],
    readonly decoded?: { encoding: string; header: string[]; suggested?: string },
    /** The file's headers that look like a missing column's aliases (close-headers.ts), as `户号 (hhNo) ≈ 户编号`. */
    readonly close: string[] = [],
  ) {
    // Chinese first, as every reason a department gets back: the 数据备案 page shows it under the refused file.
    super(
      `${file}: 表头缺少必需列 required columns missing from the header: ${columns.join(', ')}` +
        (close.length
          ? `; 文件中有相似的列标题 the file has headers like them (add one to the column's headers): ${close.join('; ')}`
          : '') +
        (decoded
          ? `; read as ${decoded.encoding}, the header is: ${decoded.header.join(' | ')}` +
            (decoded.suggested
              ? `; read as ${decoded.suggested} every required column is found: declare encoding: ${decoded.suggested}`
              : '')
          : ''),
    );
  }
}

/** A file that cannot be read; `atRow` when it failed part-way, at that data row (rows before it were read). */
export class UnreadableFile extends LoaderError {
  override name = 'UnreadableFile';
  readonly code = 'UNREADABLE_FILE' as const;
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly atRow?: number,
  ) {
    super(`${file}: ${reason}`);
  }
}

/**
 * A file that would take more than the configured limits to read (an archive expanding far beyond its size,
 * too many entries): refused before it is expanded.
 */
export class InputLimit extends LoaderError {
  override name = 'InputLimit';
  readonly code = 'INPUT_LIMIT' as const;
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** One cell a normaliser refuses; the row goes to the rejects file with this reason. */
export class InvalidValue extends LoaderError {
  override name = 'InvalidValue';
  readonly code = 'INVALID_VALUE' as const;
}

/**
 * Refuses a cell. The reason goes to the rejects file that the department gets back to fix its export,
 * and to the 数据备案 page: Chinese first, then English, as every message huiyan shows (the English quotes
 * the value, the Chinese says what is wrong with it).
 */
export const invalid = (zh: string, en: string): never => {
  throw new InvalidValue(bilingual(zh, en));
};

/** `中文 English`: one reason in both languages. */
export const bilingual = (zh: string, en: string): string => `${zh} ${en}`;
