// Bookkeeping for one file: the LoadRun node (not an Entity, not in graph.yaml) and its id. The id is
// derived from the mapping text, the file's content and the pseudonym key, so loading the same file again
// reuses the same id: provenance (_run) on the entities does not change and the reload is a no-op.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Executor } from '../../platform/db/executor.js';
import { maskIdLike } from '../../platform/identifiers/id-number.js';
import type { Pseudonymiser } from '../../platform/identifiers/pseudonym.js';
import type { LoaderError } from './errors.js';
import type { Mapping } from './mapping/types.js';

export interface LoadRunRecord {
  id: string;
  source: string;
  file: string;
  fileHash: string;
  startedAt: string;
  durationMs: number;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  duplicatesSkipped: number;
  /**
   * Rows read as totals or lines under the table (合计, 制表人：…, 注：…) and set aside: not records, so not in
   * rowsRead or rowsRejected; each is a note in the rejects file (loaders/core/aside-rows.ts). Absent on runs
   * from before they were counted.
   */
  rowsAside?: number;
  rejectsFile: string | null;
  /**
   * `stopped`: the file became unreadable at data row `stoppedAtRow`; the rows before it are loaded, none after.
   * `refused`: the file was recognised but refused whole before any row was read (required columns missing,
   * unreadable, over a limit), `stopReason` saying why; recorded so that the 数据备案 page shows the delivery.
   */
  status: 'loaded' | 'stopped' | 'refused';
  stoppedAtRow: number | null;
  stopReason: string | null;
  /** JSON object: mapping column id → the header it was read from. */
  columnsRead: string;
  /** Headers of the file no mapping column read. */
  unreadColumns: string[];
  /** Optional mapping columns that found no header. */
  missingOptional: string[];
  /** What makes the load incomplete though it reconciles: relationships no row could build. Fails the ✓. */
  warnings: string[];
  /** Of rowsRejected, those kept as PersonRecords for entity resolution (loaders/core/held.ts). */
  heldForResolution?: number;
  /** Set after the file has loaded (load-files.ts, snapshot.ts); absent on runs from before deliveries were recorded. */
  deliveryKind?: 'snapshot' | 'delta';
  deliveredOn?: string;
  /** Facts of the source this delivery ended (snapshot, on its last file) and named again after an ending. */
  relationshipsEnded?: number;
  relationshipsReopened?: number;
  /** Why a snapshot ended nothing (too many rejects, an empty file). */
  snapshotHeld?: string;
}

export type DeliveryRecord = Required<
  Pick<LoadRunRecord, 'deliveryKind' | 'deliveredOn' | 'relationshipsEnded' | 'relationshipsReopened'>
> &
  Pick<LoadRunRecord, 'snapshotHeld'>;

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export function runId(source: string, mappingDigest: string, fileHash: string, keyTag: string): string {
  return `${source}-${createHash('sha256').update(`${mappingDigest}\n${fileHash}\n${keyTag}`).digest('hex').slice(0, 16)}`;
}

export async function saveLoadRun(executor: Executor, r: LoadRunRecord): Promise<void> {
  await executor.write(
    `MERGE (r:LoadRun {id: $r.id})
     ON CREATE SET r.firstStartedAt = $r.startedAt
     SET r += $r, r.loads = coalesce(r.loads, 0) + 1`,
    { r },
  );
}

/** What kind of delivery the run was and what it ended; `deliveredOn` is a date, so runs compare by it. */
export async function recordDelivery(executor: Executor, id: string, d: DeliveryRecord): Promise<void> {
  await executor.write(
    `MATCH (r:LoadRun {id: $id})
     SET r.deliveryKind = $d.deliveryKind, r.deliveredOn = date($d.deliveredOn), r.relationshipsEnded = toInteger($d.relationshipsEnded),
         r.relationshipsReopened = toInteger($d.relationshipsReopened), r.snapshotHeld = $d.snapshotHeld`,
    { id, d: { snapshotHeld: null, ...d } },
  );
}

/**
 * The LoadRun of a file refused whole after it was recognised (load-files.ts, and the bulk path's
 * load-bulk.ts): no row read, the refusal's code in `warnings` and its message in `stopReason`, dated like
 * any delivery. Its id is a loaded run's id for the same file and mapping, so refusing it again counts
 * another attempt on the same node, and the file loaded through a mended mapping (another digest) is a run
 * of its own. The message is shown on a page: an ID number quoted from a cell stays masked, as in the
 * rejects file.
 */
export async function saveRefusedRun(
  executor: Executor,
  refused: { mapping: Pick<Mapping, 'id' | 'digest'>; path: string; error: LoaderError },
  pseudonymise: Pseudonymiser | undefined,
  d: Pick<DeliveryRecord, 'deliveryKind' | 'deliveredOn'>,
): Promise<string> {
  const f = {
    source: refused.mapping.id,
    mappingDigest: refused.mapping.digest,
    path: refused.path,
    keyTag: pseudonymise ? pseudonymise('huiyan:run') : '',
    code: refused.error.code,
    reason: maskIdLike(refused.error.message),
  };
  const fileHash = await sha256File(f.path);
  const id = runId(f.source, f.mappingDigest, fileHash, f.keyTag);
  await saveLoadRun(executor, {
    id,
    source: f.source,
    file: path.basename(f.path),
    fileHash,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
    duplicatesSkipped: 0,
    rowsAside: 0,
    rejectsFile: null,
    status: 'refused',
    stoppedAtRow: null,
    stopReason: f.reason,
    columnsRead: '{}',
    unreadColumns: [],
    missingOptional: [],
    warnings: [f.code],
  });
  await recordDelivery(executor, id, { ...d, relationshipsEnded: 0, relationshipsReopened: 0 });
  return id;
}
