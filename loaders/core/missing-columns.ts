// A wrong encoding makes every column look missing from the header. Before a text file is refused for
// missing columns, this says which encoding it was read in, shows the header as decoded, and tries the
// other usual encodings of Chinese exports: the one in which every required column is found is suggested.
import { MissingColumns } from './errors.js';
import { headerFits, hintsFor } from './mapping/registry.js';
import type { Mapping } from './mapping/types.js';
import { openSource, type SourceReader } from './readers/source-reader.js';
import { bindColumns, type Bound } from './transform.js';

const USUAL = ['utf8', 'gb18030', 'utf16le'];

export async function bindOrExplain(filePath: string, file: string, mapping: Mapping, reader: SourceReader): Promise<Bound> {
  try {
    return bindColumns(mapping, reader.headers, file, reader.format);
  } catch (e) {
    if (!(e instanceof MissingColumns) || !reader.encoding) throw e;
    let suggested: string | undefined;
    for (const encoding of USUAL.filter((x) => x !== reader.encoding)) {
      try {
        const other = await openSource(filePath, reader.format, {
          ...hintsFor(mapping, reader.format),
          encoding,
          isHeader: headerFits(mapping),
        });
        bindColumns(mapping, other.headers, file, reader.format);
        suggested = encoding;
        break;
      } catch {
        // Not this one either.
      }
    }
    throw new MissingColumns(
      file,
      e.columns,
      {
        encoding: reader.encoding,
        header: reader.headers,
        ...(suggested ? { suggested } : {}),
      },
      e.close,
    );
  }
}
