import { describe, expect, it } from 'vitest';
import { errorText, loadLang, MESSAGES, saveLang, translate } from '../../../web/src/i18n.js';

describe('translate', () => {
  it('is Chinese by key and English when asked', () => {
    expect(translate('zh', 'tab.alerts')).toBe('预警');
    expect(translate('en', 'tab.alerts')).toBe('Alerts');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh', 'details.more', { n: 7 })).toBe('还有 7 个关联对象未展开');
    expect(translate('en', 'details.more')).toBe('{n} more linked entities not shown');
  });

  it('has every key in both languages, none empty', () => {
    const zh = Object.keys(MESSAGES.zh).sort();
    expect(Object.keys(MESSAGES.en).sort()).toEqual(zh);
    for (const lang of ['zh', 'en'] as const) {
      for (const k of zh) expect(MESSAGES[lang][k as keyof typeof MESSAGES.zh], `${lang}.${k}`).not.toBe('');
    }
  });
});

describe('errorText', () => {
  it('names the error in the language and keeps the code visible', () => {
    expect(errorText('zh', 'FORBIDDEN', 'role viewer')).toBe('请求失败 [FORBIDDEN] 无权访问：role viewer');
    expect(errorText('en', 'NOT_FOUND', '')).toBe('Request failed [NOT_FOUND] Not found');
  });

  it('still shows a code it does not know', () => {
    expect(errorText('en', 'TEAPOT', 'x')).toBe('Request failed [TEAPOT] Unknown error: x');
  });
});

describe('remembered language', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };

  it('defaults to Chinese', () => {
    expect(loadLang(memory())).toBe('zh');
    expect(loadLang(undefined)).toBe('zh');
  });

  it('remembers English once chosen and ignores junk', () => {
    const s = memory();
    saveLang(s, 'en');
    expect(loadLang(s)).toBe('en');
    s.setItem('huiyan.lang', 'fr');
    expect(loadLang(s)).toBe('zh');
  });

  it('copes with storage that throws (locked-down profiles)', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadLang(broken)).toBe('zh');
    expect(() => saveLang(broken, 'en')).not.toThrow();
  });
});
