// Bookkeeping for one file: the LoadRun node (not an Entity, not in graph.yaml) and its id. The id is
// derived from the mapping text, the file's content and the pseudonym key, so loading the same file again
// reuses the same id: provenance (_run) on the entities does not change and the reload is a no-op.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Executor } from '../../platform/db/executor.js';

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
  rejectsFile: string | null;
}

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
