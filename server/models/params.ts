// Parameter values for a run: the header's defaults, overridden by the caller, each checked against its
// declared type. Integers go to the server as integers (JS numbers would arrive as floats).
import { int } from '../../platform/db/executor.js';
import { paramValueOk } from './header.js';
import type { Model } from './library.js';

export class BadParameter extends Error {
  override name = 'BadParameter';
  readonly code = 'BAD_INPUT';
}

export function defaultParams(model: Model): Record<string, unknown> {
  return resolveParams(model, {});
}

export function resolveParams(model: Model, overrides: Record<string, unknown>): Record<string, unknown> {
  const declared = new Map(model.parameters.map((p) => [p.name, p]));
  for (const k of Object.keys(overrides)) if (!declared.has(k)) throw new BadParameter(`model ${model.id} has no parameter ${k}`);
  const out: Record<string, unknown> = {};
  for (const p of model.parameters) {
    const v = p.name in overrides ? overrides[p.name] : p.default;
    if (!paramValueOk(p.type, v))
      throw new BadParameter(`parameter ${p.name} of model ${model.id} must be a ${p.type}, got ${JSON.stringify(v)}`);
    out[p.name] = p.type === 'integer' ? int(v as number) : p.type === 'date' && v === 'today' ? new Date().toLocaleDateString('en-CA') : v;
  }
  return out;
}
