// What neo4j-admin's import log says about its own run, so the bulk path's report can set the importer's
// work apart from its JVM's start and exit: "Import starting <time>", a "COMPLETED in …" line per stage,
// "IMPORT DONE in …". Lines as Neo4j 5.26 writes them (checked on its log); a line not found is left out.

export interface ImportTimes {
  /** Wall-clock time (ms since the epoch) of "Import starting". */
  startedAt?: number;
  /** The importer's own run, "Import starting" to "IMPORT DONE". */
  runMs?: number;
  /** Per stage (node import, relationship import, relationship linking, post processing), in ms. */
  stagesMs: Record<string, number>;
}

/** "1m 2s 59ms", "858ms", "4s 853ms" → milliseconds. */
export function parseDuration(text: string): number | undefined {
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let ms = 0;
  let any = false;
  for (const m of text.matchAll(/(\d+)(ms|h|m|s)\b/g)) {
    ms += Number(m[1]) * unit[m[2]!]!;
    any = true;
  }
  return any ? ms : undefined;
}

export function parseImportLog(log: string): ImportTimes {
  const out: ImportTimes = { stagesMs: {} };
  const start = /^Import starting (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d+)([+-]\d\d)(\d\d)$/m.exec(log);
  if (start) out.startedAt = Date.parse(`${start[1]}T${start[2]}${start[3]}:${start[4]}`);
  const done = /^IMPORT DONE in ([^.]+)\./m.exec(log);
  if (done) {
    const ms = parseDuration(done[1]!);
    if (ms !== undefined) out.runMs = ms;
  }
  for (const m of log.matchAll(/^([A-Za-z][A-Za-z ]+) COMPLETED in (.+)$/gm)) {
    const ms = parseDuration(m[2]!);
    if (ms !== undefined) out.stagesMs[m[1]!.trim().toLowerCase()] = ms;
  }
  return out;
}
