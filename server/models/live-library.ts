// The model library the server runs, replaceable while it runs: publishing or retiring a model reloads it
// (shipped models and the site's, each checked against the live server), and every reader (the catalog, the
// runner, the workbench, the schedule in scheduler.ts) asks this object, so the new library is used without
// a restart.
import type { Executor } from '../../platform/db/executor.js';
import { checkModel, ModelRefused } from './check.js';
import { libraryOf, loadLibrary, MODELS_DIR, type Library, type Model, type Refusal } from './library.js';

/** The parsed library with the models the server cannot plan, or that would write, moved to `refused`. */
export async function checkedLibrary(db: Executor, parsed: Library): Promise<Library> {
  const accepted: Model[] = [];
  const refused: Refusal[] = [...parsed.refused];
  for (const m of parsed.models) {
    try {
      await checkModel(db, m);
      accepted.push(m);
    } catch (e) {
      // Only the model's own fault refuses it; a database gone while checking fails the check instead.
      if (!(e instanceof ModelRefused)) throw e;
      refused.push({ file: m.file, reason: e.message });
    }
  }
  return libraryOf(accepted, refused);
}

export class LiveLibrary implements Library {
  #current: Library;

  constructor(
    initial: Library,
    private readonly load: () => Promise<Library>,
  ) {
    this.#current = initial;
  }

  get models(): Model[] {
    return this.#current.models;
  }

  get refused(): Refusal[] {
    return this.#current.refused;
  }

  get(id: string): Model | undefined {
    return this.#current.get(id);
  }

  async reload(): Promise<Library> {
    this.#current = await this.load();
    return this.#current;
  }
}

/**
 * The server's library: the one read at start until its check behind the API (firstRuns) reloads it, then
 * reloaded from the shipped models and the site's own at each publish.
 */
export function siteLibrary(db: Executor, initial: Library, siteModelsDir: string): LiveLibrary {
  return new LiveLibrary(initial, () => checkedLibrary(db, loadLibrary(MODELS_DIR, siteModelsDir)));
}
