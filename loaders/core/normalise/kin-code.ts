// 与户主关系 (relation to the head of household), GB/T 4761-2008 家庭关系代码. Registers write either the
// 2-digit code or its text; the graph keeps the code because kinship derivation works on code ranges.
import { invalid } from '../errors.js';
import { blankText, cellText, type Cell } from './text.js';

export const KIN_CODES: Record<string, string> = {
  '01': '本人',
  '02': '户主',
  '10': '配偶',
  '11': '夫',
  '12': '妻',
  '20': '子',
  '21': '独生子',
  '22': '长子',
  '23': '次子',
  '24': '三子',
  '25': '四子',
  '26': '五子',
  '27': '养子或继子',
  '28': '女婿',
  '29': '其他儿子',
  '30': '女',
  '31': '独生女',
  '32': '长女',
  '33': '次女',
  '34': '三女',
  '35': '四女',
  '36': '五女',
  '37': '养女或继女',
  '38': '儿媳',
  '39': '其他女儿',
  '40': '孙辈',
  '41': '孙子',
  '42': '孙女',
  '43': '外孙子',
  '44': '外孙女',
  '45': '孙媳妇或外孙媳妇',
  '46': '孙女婿或外孙女婿',
  '47': '曾孙子或外曾孙子',
  '48': '曾孙女或外曾孙女',
  '49': '其他孙辈',
  '50': '父母',
  '51': '父亲',
  '52': '母亲',
  '53': '公公',
  '54': '婆婆',
  '55': '岳父',
  '56': '岳母',
  '57': '继父或养父',
  '58': '继母或养母',
  '59': '其他父母关系',
  '60': '祖父母或外祖父母',
  '61': '祖父',
  '62': '祖母',
  '63': '外祖父',
  '64': '外祖母',
  '65': '配偶的祖父母或外祖父母',
  '66': '曾祖父',
  '67': '曾祖母',
  '68': '配偶的曾祖父母或外曾祖父母',
  '69': '其他祖父母',
  '70': '兄弟姐妹',
  '71': '兄',
  '72': '嫂',
  '73': '弟',
  '74': '弟媳',
  '75': '姐姐',
  '76': '姐夫',
  '77': '妹妹',
  '78': '妹夫',
  '79': '其他兄弟姐妹',
  '80': '其他',
  '81': '伯父',
  '82': '伯母',
  '83': '叔父',
  '84': '婶母',
  '85': '舅父',
  '86': '舅母',
  '87': '姨夫',
  '88': '姨母',
  '89': '姑父',
  '90': '姑母',
  '91': '堂兄弟、堂姐妹',
  '92': '表兄弟、表姐妹',
  '93': '侄子',
  '94': '侄女',
  '95': '外甥',
  '96': '外甥女',
  '97': '其他亲属',
  '99': '非亲属',
};

/** Texts registers use besides the standard's own wording. */
const SYNONYMS: Record<string, string> = {
  丈夫: '11',
  妻子: '12',
  儿子: '20',
  女儿: '30',
  哥哥: '71',
  弟弟: '73',
  姐: '75',
  妹: '77',
  父: '51',
  母: '52',
  孙女婿: '46',
  孙媳: '45',
  继子: '27',
  养子: '27',
  继女: '37',
  养女: '37',
  外孙: '43',
  侄儿: '93',
  外甥儿: '95',
  姊妹: '70',
  其他亲属关系: '97',
  非亲属关系: '99',
  户主本人: '02',
  儿子媳妇: '38',
  孙媳妇: '45',
  外孙媳妇: '45',
  曾孙: '47',
  曾孙子: '47',
  重孙: '47',
  重孙子: '47',
  曾孙女: '48',
  重孙女: '48',
  兄弟: '70',
  姐妹: '70',
  兄弟姐妹: '70',
  嫂子: '72',
  弟媳妇: '74',
  伯伯: '81',
  叔叔: '83',
  婶婶: '84',
  舅舅: '85',
  姑姑: '90',
  保姆: '99',
  // Civil-affairs systems (低保 family members) write a child of either sex as 子女. GB/T 4761 has no code for
  // that: read as 20 (子), which the kinship derivation reads as a child exactly as it reads 30 (女).
  子女: '20',
  孙子女: '40',
  外孙子女: '40',
};
const BY_TEXT: Record<string, string> = { ...SYNONYMS };
for (const [c, t] of Object.entries(KIN_CODES)) BY_TEXT[t] = c;

/** 2-digit GB/T 4761 code, or null when empty. Accepts "2", "02", "户主", "长子", "22长子". */
export function kinCode(raw: Cell): string | null {
  const s = cellText(typeof raw === 'number' ? String(raw) : raw).replace(/\s/g, '');
  if (blankText(s)) return null;
  const m = /^(\d{1,2})(\D*)$/.exec(s);
  if (m) {
    const c = m[1]!.padStart(2, '0');
    if (KIN_CODES[c]) return c;
    return invalid('不是 GB/T 4761 家庭关系代码', `"${s}" is not a GB/T 4761 family-relation code`);
  }
  // Registers also write the relation as said of the head: 户主之子, 之女, 户主的妻子.
  const byText = BY_TEXT[s] ?? BY_TEXT[s.replace(/^(户主)?(之|的)/, '')];
  if (byText) return byText;
  return invalid(
    '不是 GB/T 4761 家庭关系（如 02 户主、10 配偶、22 长子）',
    `"${s}" is not a GB/T 4761 family relation (e.g. 02 户主, 10 配偶, 22 长子)`,
  );
}
