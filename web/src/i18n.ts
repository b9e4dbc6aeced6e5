// All UI text, Chinese first. Components ask for a key; the dictionary is the only place words live, so a
// missing English string is a type error rather than a blank button.

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

const zh = {
  'app.title': '慧眼',
  'app.subtitle': '关系核查',
  'doc.title': '慧眼 · 关系核查',
  'search.placeholder': '输入姓名、单位、企业或证件号码',
  'search.button': '搜索',
  'search.empty': '没有找到匹配的对象',
  'search.hint': '在上方输入关键词后按回车搜索',
  'search.searching': '正在搜索…',
  'search.add': '加入画布',
  'search.onCanvas': '已在画布',
  'tab.search': '搜索结果',
  'tab.alerts': '预警',
  'alerts.loading': '正在加载预警…',
  'alerts.empty': '暂无预警',
  'alerts.count': '共 {n} 条',
  'alerts.amount': '涉及金额',
  'severity.LOW': '低',
  'severity.MEDIUM': '中',
  'severity.HIGH': '高',
  'severity.CRITICAL': '严重',
  'canvas.clear': '清空画布',
  'canvas.fit': '适应窗口',
  'canvas.empty': '搜索对象并加入画布，双击节点展开关系',
  'canvas.nodes': '{n} 个节点，{m} 条关系',
  'details.title': '详情',
  'details.empty': '点击画布上的节点或关系查看详情',
  'details.label': '类型',
  'details.caption': '名称',
  'details.id': '标识',
  'details.degree': '关系数',
  'details.properties': '属性',
  'details.noProperties': '无属性',
  'details.provenance': '来源',
  'details.source': '来源',
  'details.file': '文件',
  'details.row': '行',
  'details.run': '批次',
  'details.sources': '全部来源',
  'details.expand': '展开关系',
  'details.expandMore': '展开更多',
  'details.more': '还有 {n} 个关联对象未展开',
  'details.relation': '关系',
  'details.backToAlert': '← 返回预警详情',
  'details.from': '起点',
  'details.to': '终点',
  'alert.title': '预警详情',
  'alert.summary': '摘要',
  'alert.model': '模型',
  'alert.modelId': '模型编号',
  'alert.revision': '版本',
  'alert.severity': '等级',
  'alert.state': '状态',
  'alert.subjects': '涉及对象',
  'alert.firstSeen': '首次发现',
  'alert.lastSeen': '最近发现',
  'alert.evidence': '证据：{n} 个节点，{m} 条关系',
  'toast.more': '还有 {n} 个关联对象未显示，可在详情中“展开更多”',
  'toast.nothingNew': '没有新的关联对象',
  'toast.added': '新增 {n} 个节点',
  'error.prefix': '请求失败',
  'error.NETWORK': '无法连接服务器',
  'error.BAD_INPUT': '输入有误',
  'error.BAD_USER_INPUT': '输入有误',
  'error.NOT_FOUND': '未找到',
  'error.FORBIDDEN': '无权访问',
  'error.UNAUTHENTICATED': '未登录',
  'error.MODEL_FAILED': '模型运行失败',
  'error.GRAPHQL_VALIDATION_FAILED': '请求与接口不符',
  'error.INTERNAL_SERVER_ERROR': '服务器内部错误',
  'error.unknown': '未知错误',
  'error.close': '关闭',
  'lang.switch': 'EN',
  'lang.switchTitle': 'Switch to English',
  'yes': '是',
  'no': '否',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'app.title': 'huiyan',
  'app.subtitle': 'relationship explorer',
  'doc.title': 'huiyan · relationship explorer',
  'search.placeholder': 'Name, unit, company or ID number',
  'search.button': 'Search',
  'search.empty': 'Nothing found',
  'search.hint': 'Type above and press Enter to search',
  'search.searching': 'Searching…',
  'search.add': 'Add',
  'search.onCanvas': 'On canvas',
  'tab.search': 'Results',
  'tab.alerts': 'Alerts',
  'alerts.loading': 'Loading alerts…',
  'alerts.empty': 'No alerts',
  'alerts.count': '{n} in all',
  'alerts.amount': 'Amount',
  'severity.LOW': 'Low',
  'severity.MEDIUM': 'Medium',
  'severity.HIGH': 'High',
  'severity.CRITICAL': 'Critical',
  'canvas.clear': 'Clear',
  'canvas.fit': 'Fit',
  'canvas.empty': 'Search, add to the canvas, double-click a node to expand it',
  'canvas.nodes': '{n} nodes, {m} relationships',
  'details.title': 'Details',
  'details.empty': 'Click a node or relationship on the canvas to see its details',
  'details.label': 'Type',
  'details.caption': 'Name',
  'details.id': 'Identifier',
  'details.degree': 'Relationships',
  'details.properties': 'Properties',
  'details.noProperties': 'No properties',
  'details.provenance': 'Provenance',
  'details.source': 'Source',
  'details.file': 'File',
  'details.row': 'Row',
  'details.run': 'Load run',
  'details.sources': 'All sources',
  'details.expand': 'Expand',
  'details.expandMore': 'Expand more',
  'details.more': '{n} more linked entities not shown',
  'details.relation': 'Relationship',
  'details.backToAlert': '← Back to the alert',
  'details.from': 'From',
  'details.to': 'To',
  'alert.title': 'Alert',
  'alert.summary': 'Summary',
  'alert.model': 'Model',
  'alert.modelId': 'Model id',
  'alert.revision': 'Revision',
  'alert.severity': 'Severity',
  'alert.state': 'State',
  'alert.subjects': 'Subjects',
  'alert.firstSeen': 'First seen',
  'alert.lastSeen': 'Last seen',
  'alert.evidence': 'Evidence: {n} nodes, {m} relationships',
  'toast.more': '{n} more linked entities not shown; use "Expand more" in the details',
  'toast.nothingNew': 'No new linked entities',
  'toast.added': '{n} nodes added',
  'error.prefix': 'Request failed',
  'error.NETWORK': 'Cannot reach the server',
  'error.BAD_INPUT': 'Invalid input',
  'error.BAD_USER_INPUT': 'Invalid input',
  'error.NOT_FOUND': 'Not found',
  'error.FORBIDDEN': 'Not allowed',
  'error.UNAUTHENTICATED': 'Not signed in',
  'error.MODEL_FAILED': 'Model failed',
  'error.GRAPHQL_VALIDATION_FAILED': 'Request does not match the API',
  'error.INTERNAL_SERVER_ERROR': 'Internal server error',
  'error.unknown': 'Unknown error',
  'error.close': 'Close',
  'lang.switch': '中文',
  'lang.switchTitle': '切换到中文',
  'yes': 'Yes',
  'no': 'No',
};

export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** Pure lookup with `{name}` placeholders; an unknown placeholder stays visible so it gets noticed. */
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = MESSAGES[lang][key] ?? MESSAGES.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The error message in the user's language, with the API's code kept visible for support calls. */
export function errorText(lang: Lang, code: string, message: string): string {
  const known = `error.${code}` as MessageKey;
  const what = known in MESSAGES[lang] ? translate(lang, known) : translate(lang, 'error.unknown');
  const sep = lang === 'zh' ? '：' : ': ';
  return `${translate(lang, 'error.prefix')} [${code}] ${what}${message ? sep + message : ''}`;
}

const STORAGE_KEY = 'huiyan.lang';

export function isLang(v: unknown): v is Lang {
  return v === 'zh' || v === 'en';
}

/** The remembered choice, else Chinese: the users work in Chinese; English is for reviewers and partners. */
export function loadLang(storage: Pick<Storage, 'getItem'> | undefined): Lang {
  try {
    const v = storage?.getItem(STORAGE_KEY);
    return isLang(v) ? v : 'zh';
  } catch {
    return 'zh';
  }
}

export function saveLang(storage: Pick<Storage, 'setItem'> | undefined, lang: Lang): void {
  try {
    storage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or a locked-down profile: the choice just is not remembered.
  }
}

/**
 * Names for the subject roles and alert states the API returns as codes. Models may declare roles not
 * listed here; those show as the code, which is still meaningful to an analyst.
 */
const CODES: Record<string, { zh: string; en: string }> = {
  'role.official': { zh: '公职人员', en: 'official' },
  'role.relative': { zh: '亲属', en: 'relative' },
  'role.kin': { zh: '亲属', en: 'relative' },
  'role.company': { zh: '企业', en: 'company' },
  'role.project': { zh: '项目', en: 'project' },
  'role.org': { zh: '单位', en: 'unit' },
  'role.unit': { zh: '单位', en: 'unit' },
  'role.person': { zh: '人员', en: 'person' },
  'role.recipient': { zh: '领取人', en: 'recipient' },
  'role.bidder': { zh: '投标人', en: 'bidder' },
  'state.new': { zh: '新发现', en: 'new' },
  'state.assigned': { zh: '已分派', en: 'assigned' },
  'state.verifying': { zh: '核查中', en: 'verifying' },
  'state.confirmed': { zh: '已查实', en: 'confirmed' },
  'state.partly_confirmed': { zh: '部分查实', en: 'partly confirmed' },
  'state.dismissed': { zh: '已排除', en: 'dismissed' },
  'state.rectified': { zh: '已整改', en: 'rectified' },
  'state.resolved': { zh: '已消除', en: 'resolved' },
};

export function codeName(lang: Lang, kind: 'role' | 'state', code: string): string {
  return CODES[`${kind}.${code.toLowerCase()}`]?.[lang] ?? code;
}
