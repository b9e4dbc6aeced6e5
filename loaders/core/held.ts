// Rows refused only because a person's ID number fails its check character are still a person: the name,
// birth date and household are sound. Such a row stays in the rejects file (the reconciliation does not
// change), and a PersonRecord node keeps what it says, so entity resolution (server/resolution/) can
// propose it against a person with the same name and birth date (docs/resolution.md). The ID number is
// kept masked, and as its keyed token when pseudonymising; the raw number only when the graph holds raw ones.
import type { Executor } from '../../platform/db/executor.js';
import { idCheckChar, idFacts, maskIdNo } from '../../platform/identifiers/id-number.js';
import type { Pseudonymiser } from '../../platform/identifiers/pseudonym.js';
import type { GraphSchema } from '../../platform/schema/graph-schema.js';
import { isRealDate } from './normalise/date.js';
import { cellText } from './normalise/text.js';
import type { DataRow } from './readers/source-reader.js';
import { transformRow, type Bound } from './transform.js';

export interface HeldPerson {
  /** The row; the node's uid is `PersonRecord:<run>:<row>`, so loading the file again finds the same record. */
  id: string;
  row: number;
  idNo: string;
  idNoMasked: string;
  name: string;
  birthDate: string;
  gender: string | null;
  address: string | null;
  /** uids of the households the row puts the person in. */
  households: string[];
  reason: string;
}

/** 18 characters whose birth date is real and whose check character alone is wrong; else null. */
function failedCheck(raw: unknown): string | null {
  const s = cellText(raw as never)
    .replace(/[\s-]/g, '')
    .toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return null;
  if (!isRealDate(idFacts(s).birthDate) || s[17] === idCheckChar(s.slice(0, 17))) return null;
  return s;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

export class HeldPersons {
  readonly held: HeldPerson[] = [];

  constructor(
    private readonly schema: GraphSchema,
    private readonly pseudonymise?: Pseudonymiser,
  ) {}

  /** onRefused hook (file-pass.ts): keeps the row when its only fault is a Person's ID check character. */
  add(bound: Bound, data: DataRow): void {
    for (const spec of bound.mapping.nodes) {
      const col = bound.mapping.columns[spec.key];
      const header = bound.keys[spec.key];
      if (spec.label !== 'Person' || col?.normalise.type !== 'idNo' || header === undefined) continue;
      const bad = failedCheck(data.values[header]);
      if (!bad) continue;
      // The row again with the check character put right: if it then passes, the check was its only fault,
      // and the transform gives the person's properties and households exactly as a loaded row would.
      const fixed = bad.slice(0, 17) + idCheckChar(bad.slice(0, 17));
      const r = transformRow({ bound, schema: this.schema }, { row: data.row, values: { ...data.values, [header]: fixed } });
      if (!r.ok) continue;
      const person = r.nodes.find((n) => n.spec.ref === spec.ref);
      const name = str(person?.props.name);
      if (!person || !name) continue;
      const households = r.rels.filter((x) => x.from === person && x.to.spec.label === 'Household').map((x) => x.to.uid);
      this.held.push({
        id: String(data.row),
        row: data.row,
        idNo: this.pseudonymise ? this.pseudonymise(bad) : bad,
        idNoMasked: maskIdNo(bad),
        name,
        birthDate: idFacts(bad).birthDate,
        gender: str(person.props.gender),
        address: str(person.props.address),
        households,
        reason: `"${maskIdNo(bad)}" fails the GB 11643 check`,
      });
      return;
    }
  }

  /** Writes the held records of one file's run; returns how many (also set on its LoadRun). */
  async save(executor: Executor, at: { source: string; file: string; run: string }): Promise<number> {
    if (!this.held.length) return 0;
    // The same constraint server/resolution/schema.ts applies: the loader may run before the server ever has.
    await executor.autoCommit('CREATE CONSTRAINT person_record_uid IF NOT EXISTS FOR (r:PersonRecord) REQUIRE r.uid IS UNIQUE');
    await executor.write(
      `UNWIND $held AS h
       MERGE (r:PersonRecord {uid: 'PersonRecord:' + $at.run + ':' + h.id})
       ON CREATE SET r.status = 'held', r.heldAt = datetime(), r.id = $at.run + ':' + h.id
       SET r += h {.idNo, .idNoMasked, .name, .gender, .address, .households, .reason},
           r.birthDate = date(h.birthDate),
           r._source = $at.source, r._file = $at.file, r._run = $at.run, r._row = h.row
       WITH count(*) AS n
       MATCH (l:LoadRun {id: $at.run}) SET l.heldForResolution = $count`,
      { held: this.held, at, count: this.held.length },
    );
    return this.held.length;
  }
}
