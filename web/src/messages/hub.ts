// UI text for bundles the server sends (a hub's parallel edges, docs/explorer.md "Bundles"), Chinese first;
// i18n.ts spreads it into the one dictionary.
export const zh = {
  'hub.opened': '已读取 {n} 条单独关系',
};

export const en: Record<keyof typeof zh, string> = {
  'hub.opened': 'Read {n} single relationships',
};
