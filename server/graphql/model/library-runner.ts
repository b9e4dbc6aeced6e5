// The model runner as the API sees it: run a library model by id, with the site policy's values under the
// caller's explicit parameters.
import type { Executor } from '../../../platform/db/executor.js';
import type { ModelRunner } from '../context.js';
import type { Library } from '../../models/library.js';
import { runModel } from '../../models/runner.js';
import type { ParamSource } from '../../models/policy.js';

export function libraryRunner(db: Executor, library: Library, policy?: ParamSource): ModelRunner {
  return {
    run: async (id, opts) => {
      const model = library.get(id);
      if (!model) throw Object.assign(new Error(`No model ${id}`), { code: 'BAD_INPUT' });
      return runModel(db, model, { ...opts, policy });
    },
  };
}
