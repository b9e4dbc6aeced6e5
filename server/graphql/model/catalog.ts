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

/** Follows the library when it is replaced (a publish reloads it): the list is rebuilt when its models change. */
export function catalogOf(library: Library): ModelCatalog {
  let from: Model[] | undefined;
  let list: ModelInfo[] = [];
  const current = () => {
    if (from !== library.models) [from, list] = [library.models, library.models.map(info)];
    return list;
  };
  return { list: current, get: (id) => current().find((m) => m.id === id) };
}
