// The graph vocabulary as the explorer uses it: label and relationship names, colours and shapes from the
// API's graphSchema, property names from the schema file (compiled in by vite.config.ts), model titles
// from `models`, the triage workflow from `workflow`. Pure lookups, so panels and the stylesheet never hard-code a label.
import type { GraphSchemaInfo, LabelInfo, ModelTitle, RelTypeInfo, WorkflowInfo } from './api/types.js';
import type { Lang } from './i18n.js';

export interface PropertyNames {
  labels: Record<string, Record<string, { zh: string; en: string }>>;
  relationships: Record<string, Record<string, { zh: string; en: string }>>;
}

export interface SchemaIndex {
  labels: Map<string, LabelInfo>;
  relTypes: Map<string, RelTypeInfo>;
  models: Map<string, ModelTitle>;
  props: PropertyNames;
  /** The triage workflow as the server serves it; null only in tests that do not need it. */
  workflow: WorkflowInfo | null;
}

export const EMPTY_PROPS: PropertyNames = { labels: {}, relationships: {} };

export function indexSchema(
  info: GraphSchemaInfo,
  models: ModelTitle[] = [],
  props: PropertyNames = EMPTY_PROPS,
  workflow: WorkflowInfo | null = null,
): SchemaIndex {
  return {
    workflow,
    labels: new Map(info.labels.map((l) => [l.name, l])),
    relTypes: new Map(info.relationshipTypes.map((r) => [r.name, r])),
    models: new Map(models.map((m) => [m.id, m])),
    props,
  };
}

/** A label's name in the language, or the raw label when the schema does not know it (still readable). */
export function labelName(s: SchemaIndex | null, label: string, lang: Lang): string {
  return s?.labels.get(label)?.[lang] ?? label;
}

export function relName(s: SchemaIndex | null, type: string, lang: Lang): string {
  return s?.relTypes.get(type)?.[lang] ?? type;
}

export function modelTitle(s: SchemaIndex | null, modelId: string, fallback: string, lang: Lang): string {
  const m = s?.models.get(modelId);
  if (!m) return fallback;
  return (lang === 'zh' ? m.titleZh : m.titleEn) || fallback;
}

/** Property name for a node label or a relationship type; raw key when the schema has no name for it. */
export function propName(s: SchemaIndex | null, kind: 'labels' | 'relationships', owner: string, key: string, lang: Lang): string {
  return s?.props[kind][owner]?.[key]?.[lang] ?? key;
}
