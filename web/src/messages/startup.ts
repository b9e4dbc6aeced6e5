// UI text for the server's first minute (web/src/startup.ts), Chinese first; i18n.ts spreads it into the one
// dictionary.
export const zh = {
  'startup.seeding': '服务刚启动：正在载入演示数据，随后运行模型',
  'startup.checking': '服务刚启动：正在检查模型库，随后运行模型',
  'startup.models': '服务刚启动：模型运行中（{n}/{m}），完成后预警列表自动刷新',
  'startup.failed': '首次运行未完成：{error}（请联系管理员）',
};

export const en: Record<keyof typeof zh, string> = {
  'startup.seeding': 'The server has just started: loading the demo county; the models run next',
  'startup.checking': 'The server has just started: checking the model library; the models run next',
  'startup.models': 'The server has just started: models running ({n} of {m}); the alert list refreshes when they are done',
  'startup.failed': 'The first runs did not finish: {error} (tell an administrator)',
};
