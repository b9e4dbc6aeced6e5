// The site policy as the server and the command line load it: from siteDir/policy.yaml, checked against
// the library, and a hand edit since the last start noticed (by its hash), logged and put in the audit trail.
import path from 'node:path';
import { AuditTrail } from '../audit/trail.js';
import type { Library } from './library.js';
import { noticeHandEdit, SitePolicy } from './policy.js';

export interface SiteFolders {
  siteDir: string;
  varDir: string;
}

/** Where the hash of the policy as last loaded is kept: the var folder, not the site's own (it is state). */
export const policyStateFile = (varDir: string): string => path.join(varDir, 'policy.sha256');

/** Throws InvalidPolicy (file, path, reason) on a bad file: the caller refuses to start. */
export async function loadSitePolicy(site: SiteFolders, library: Library, log: (m: string) => void): Promise<SitePolicy> {
  const policy = SitePolicy.load(site.siteDir, library, policyStateFile(site.varDir));
  const tuned = Object.keys(policy.all()).length;
  log(`Site policy ${policy.file}: ${tuned} model(s) tuned, nightly run ${policy.dailyAt ?? 'off'}.`);
  const edits: Promise<unknown>[] = [];
  noticeHandEdit(policy, (before, after) => {
    log(`Site policy changed since the last start (edited by hand): sha256 ${before.slice(0, 12)} → ${after.slice(0, 12)}.`);
    edits.push(
      AuditTrail.in(site.varDir).append({
        actor: null,
        role: null,
        via: 'file',
        ip: null,
        operation: 'policy.file-changed',
        kind: 'write',
        reason: null,
        writes: [{ action: 'model.policy', target: policy.file }],
        detail: `sha256 before ${before}, after ${after}; now: ${JSON.stringify(policy.all())}`.slice(0, 2000),
      }),
    );
  });
  await Promise.all(edits);
  return policy;
}
