// What the API needs to answer about feeds: the registry as read at start, the folder the loaders write
// rejects into (the only place deliveryRejects reads from), and the clock, which tests set.
import type { Feed } from '../../platform/feeds/registry.js';

export interface FeedDesk {
  feeds: Feed[];
  rejectsDir: string;
  now?: () => Date;
}
