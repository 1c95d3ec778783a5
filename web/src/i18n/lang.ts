/**
 * The dashboard's languages. The URL's `lang` (state.ts) chooses one; without it the browser's
 * preferred languages do. Pure: no DOM here, so the choice is unit-tested.
 */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** The BCP 47 locale each language formats numbers and dates with (Intl), and puts in <html lang>. */
export const LOCALE: Record<Lang, string> = { en: 'en-GB', zh: 'zh-CN' };

/** What the language switch shows for each language, in that language (never translated). */
export const LANG_NAME: Record<Lang, string> = { en: 'English', zh: '中文' };

/**
 * The first of the browser's languages (navigator.languages, in order of preference) that the
 * dashboard speaks: any Chinese (zh, zh-CN, zh-Hans, zh-TW…) → zh, any English → en; else en.
 * Traditional Chinese readers get Simplified Chinese, closer to them than English.
 */
export function preferredLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if ((LANGS as readonly string[]).includes(primary)) return primary as Lang;
  }
  return 'en';
}
