// The presentation options for the caller of this request: its role decides what is masked.
import type { ApiContext } from './context.js';
import type { PresentOptions } from './entity/present.js';
import { maySeeSensitive } from '../access/roles.js';

export const viewOpts = (ctx: ApiContext): PresentOptions => ({
  schema: ctx.graphSchema,
  showSensitive: maySeeSensitive(ctx.role),
  seen: (uid) => ctx.audit.saw(uid),
});
