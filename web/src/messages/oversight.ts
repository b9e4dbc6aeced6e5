// The subject roles of the petitions (M41) and approvals (M39) models, Chinese first; i18n.ts spreads them
// into the one dictionary, where codeName finds a role the API returns as `role.<code>`.
export const zh = {
  'role.petition': '信访件',
  'role.reporter': '反映人',
  'role.reported': '被反映人',
  'role.approval': '审批事项',
  'role.handler': '经办人',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'role.petition': 'petition',
  'role.reporter': 'reporter',
  'role.reported': 'person reported',
  'role.approval': 'approval',
  'role.handler': 'official handling it',
};
