import { describe, expect, it } from 'vitest';
import type { Message } from './catalogue';
import { AREAS, formatMessage, LANGS, preferredLang, setLang, t, tIn } from './index';

const placeholders = (m: Message) => [...new Set((typeof m === 'string' ? m : `${m.one} ${m.other}`).match(/\{\w+\}/g) ?? [])].sort();
const forms = (m: Message) => (typeof m === 'string' ? 'text' : 'plural');

describe('the message catalogue', () => {
  for (const [name, area] of Object.entries(AREAS)) {
    it(`${name}: the same keys in English and Chinese, each with the same placeholders, none empty`, () => {
      const en = area.en as Record<string, Message>;
      const zh = area.zh as Record<string, Message>;
      expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect.soft(key.startsWith(`${name}.`), `${key} is not prefixed ${name}.`).toBe(true);
        expect.soft(placeholders(zh[key]), `placeholders of ${key}`).toEqual(placeholders(en[key]));
        for (const m of [en[key], zh[key]]) for (const text of typeof m === 'string' ? [m] : [m.one, m.other]) expect.soft(text.trim(), `${key} is empty`).not.toBe('');
        // Chinese has no plural forms: a plural in English is one text in Chinese (or both forms alike).
        if (forms(zh[key]) === 'plural') expect.soft(forms(en[key]), `${key}: plural in Chinese only`).toBe('plural');
      }
    });
  }

  it('no key is defined by two areas', () => {
    const seen = new Map<string, string>();
    for (const [name, area] of Object.entries(AREAS)) {
      for (const key of Object.keys(area.en)) {
        expect(seen.get(key), `${key} in ${name} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, name);
      }
    }
  });

  it('fills placeholders, formats numbers for the locale and chooses plural forms', () => {
    setLang('en');
    expect(t('core.noData')).toBe('No data');
    expect(tIn('zh', 'core.noData')).toBe('无数据');
    setLang('zh');
    expect(t('core.noData')).toBe('无数据');
    setLang('en');
    const files = { one: '{count} file in {place}', other: '{count} files in {place}' };
    expect(formatMessage(files, { count: 1, place: 'Hubei' }, 'en')).toBe('1 file in Hubei');
    expect(formatMessage(files, { count: 12345, place: 'Hubei' }, 'en')).toBe('12,345 files in Hubei');
    expect(formatMessage('{count} 个文件', { count: 1 }, 'zh')).toBe('1 个文件');
    expect(formatMessage('{a} and {b}', { a: 'x' }, 'en')).toBe('x and {b}');
  });

  it('takes the language from the browser: any Chinese → zh, else the first it speaks, else English', () => {
    expect(preferredLang(['zh-CN', 'en'])).toBe('zh');
    expect(preferredLang(['zh-TW'])).toBe('zh');
    expect(preferredLang(['fr-FR', 'en-US', 'zh'])).toBe('en');
    expect(preferredLang(['fr-FR', 'de'])).toBe('en');
    expect(preferredLang([])).toBe('en');
    expect(LANGS).toEqual(['en', 'zh']);
  });
});
