// What each section of the 模型口径 page (exemptions, packages) is handed by the page.
import type { PolicyApi } from '../api/policy-queries.js';
import type { Store } from '../state.js';

export interface PolicySection {
  store: Store;
  api: PolicyApi;
  /** The page's error line. */
  error: HTMLElement;
  /** The ids of the library's models, as the policy lists them. */
  models: () => string[];
}
