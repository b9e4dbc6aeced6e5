// A case reads its model's parameter defaults from the model's .cypher header, the same values the
// Cypher runs with, so the planting and the oracle cannot drift from the model (no hand copy).
import { loadLibrary, type Library, type Model } from '../../server/models/library.js';

let library: Library | undefined;

export interface ModelDefaults {
  /** Catalog code (M01…M40): what truth.json calls the model. */
  catalog: string;
  num(name: string): number;
  bool(name: string): boolean;
  strings(name: string): string[];
}

export function modelDefaults(id: string): ModelDefaults {
  library ??= loadLibrary();
  const model: Model | undefined = library.get(id);
  if (!model) throw new Error(`synth: no model ${id} in cypher/models (${library.refused.map((r) => r.reason).join('; ') || 'not found'})`);
  if (!model.catalog) throw new Error(`synth: model ${id} has no catalog code in its header`);
  const value = (name: string): unknown => {
    const p = model.parameters.find((x) => x.name === name);
    if (!p) throw new Error(`synth: model ${id} declares no parameter ${name}`);
    return p.default;
  };
  return {
    catalog: model.catalog,
    num: (name) => {
      const v = value(name);
      if (typeof v !== 'number') throw new Error(`synth: ${id} parameter ${name} is not a number`);
      return v;
    },
    bool: (name) => {
      const v = value(name);
      if (typeof v !== 'boolean') throw new Error(`synth: ${id} parameter ${name} is not a boolean`);
      return v;
    },
    strings: (name) => {
      const v = value(name);
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
        throw new Error(`synth: ${id} parameter ${name} is not a list of strings`);
      return v as string[];
    },
  };
}
