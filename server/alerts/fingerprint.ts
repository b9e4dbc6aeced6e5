import { createHash } from 'node:crypto';

/**
 * Same model, same identifying facts → same alert, whatever the revision or the run: a re-run updates
 * the alert instead of raising it twice.
 */
export function fingerprint(modelId: string, identity: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify([modelId, ...identity]))
    .digest('hex')
    .slice(0, 32);
}
