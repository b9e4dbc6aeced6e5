// An analyst's unpublished models, kept on the server so they survive a closed browser and follow the analyst
// to another machine: one (:ModelDraft {owner, name}) node per draft, outside the :Entity graph the models
// read. Only the owner sees or changes a draft; publishing (publish.ts) is what makes it a model.
import type { Executor } from '../../platform/db/executor.js';

export interface Draft {
  name: string;
  source: string;
  updatedAt: string;
}

/** A draft's name is the analyst's label for it (usually the model id); kept short and printable. */
export function draftName(raw: string): string {
  const name = raw.trim();
  if (!name || name.length > 120 || /[\u0000-\u001f]/.test(name))
    throw Object.assign(new Error('a draft name must be 1-120 printable characters'), { code: 'BAD_INPUT' });
  return name;
}

const MAX_SOURCE = 200_000;

export async function saveDraft(db: Executor, owner: string, name: string, source: string, now = new Date()): Promise<Draft> {
  if (source.length > MAX_SOURCE)
    throw Object.assign(new Error(`a draft may hold at most ${MAX_SOURCE} characters`), { code: 'BAD_INPUT' });
  const { rows } = await db.write<Draft>(
    `MERGE (d:ModelDraft {owner: $owner, name: $name})
     SET d.source = $source, d.updatedAt = $at
     RETURN d.name AS name, d.source AS source, d.updatedAt AS updatedAt`,
    { owner, name: draftName(name), source, at: now.toISOString() },
  );
  return rows[0]!;
}

export async function listDrafts(db: Executor, owner: string): Promise<Draft[]> {
  const { rows } = await db.read<Draft>(
    'MATCH (d:ModelDraft {owner: $owner}) RETURN d.name AS name, d.source AS source, d.updatedAt AS updatedAt ORDER BY d.updatedAt DESC',
    { owner },
  );
  return rows;
}

export async function deleteDraft(db: Executor, owner: string, name: string): Promise<boolean> {
  const { rows } = await db.write<{ n: number }>('MATCH (d:ModelDraft {owner: $owner, name: $name}) DETACH DELETE d RETURN count(*) AS n', {
    owner,
    name,
  });
  return (rows[0]?.n ?? 0) > 0;
}
