// The one place an imported model is written into the site: siteDir/models/<domain>/<file>, its fixtures
// beside it, and the audit entry. Kept to this one small function so the lead can route it through the
// workbench's publishModel (which also moves the revision and reloads the library) later.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditWrite } from '../../audit/notes.js';
import type { PackagedModel } from './format.js';

export const siteModelsDir = (siteDir: string): string => path.join(siteDir, 'models');

function writeWhole(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Writes one validated model of a package into the site and records it; returns the file written. */
export function installModel(
  siteDir: string,
  m: Pick<PackagedModel, 'id' | 'revision' | 'domain' | 'file' | 'cypher' | 'fixtures'>,
  record: (w: AuditWrite) => void,
): string {
  const dir = path.join(siteModelsDir(siteDir), m.domain);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, m.file);
  writeWhole(file, m.cypher);
  if (m.fixtures !== null) writeWhole(file.replace(/\.cypher$/, '.fixtures.yaml'), m.fixtures);
  record({ action: 'model.import', target: `${m.id} r${m.revision}` });
  return file;
}
