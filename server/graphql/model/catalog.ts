// The model library as the API shows it.
import type { ModelCatalog, ModelInfo } from '../context.js';
import type { Library, Model } from '../../models/library.js';

const info = (m: Model): ModelInfo => ({
  id: m.id,
  revision: m.revision,
  titleZh: m.title.zh,
  titleEn: m.title.en,
  description: m.description,
  severity: m.severity,
  domain: m.domain,
  tags: m.tags,
  parameters: m.parameters.map((p) => ({ name: p.name, type: p.type, default: p.default, description: p.description })),
});

export function catalogOf(library: Library): ModelCatalog {
  const list = library.models.map(info);
  return { list: () => list, get: (id) => list.find((m) => m.id === id) };
}
