// UI text of the evidence feature, Chinese first; i18n.ts spreads it into the one dictionary, so a key missing in
// English is still a type error. Kept apart so features can grow their words without editing each other's.
export const zh = {} as const;

export const en: Record<keyof typeof zh, string> = {};
