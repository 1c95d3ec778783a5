import type { Message, Messages } from './catalogue.js';
import { LOCALE, type Lang } from './lang.js';
import * as anomalies from './messages/anomalies.js';
import * as cases from './messages/cases.js';
import * as chatter from './messages/chatter.js';
import * as core from './messages/core.js';
import * as datasets from './messages/datasets.js';
import * as explorer from './messages/explorer.js';
import * as imaging from './messages/imaging.js';
import * as literature from './messages/literature.js';
import * as models from './messages/models.js';
import * as sequences from './messages/sequences.js';
import * as sources from './messages/sources.js';
import * as story from './messages/story.js';
import * as summary from './messages/summary.js';

export { LANG_NAME, LANGS, LOCALE, preferredLang, type Lang } from './lang.js';

/** Every area of the catalogue (catalogue.test.ts walks them). */
export const AREAS = { core, explorer, sources, anomalies, models, datasets, imaging, cases, literature, sequences, chatter, story, summary } as const;

type English = typeof core.en & typeof explorer.en & typeof sources.en & typeof anomalies.en & typeof models.en & typeof datasets.en & typeof imaging.en & typeof cases.en & typeof literature.en & typeof sequences.en & typeof chatter.en & typeof story.en & typeof summary.en;
export type MessageKey = keyof English;

const TABLES: Record<Lang, Record<string, Message>> = {
  en: Object.assign({}, ...Object.values(AREAS).map((a) => a.en as Messages)),
  zh: Object.assign({}, ...Object.values(AREAS).map((a) => a.zh as Messages)),
};

let current: Lang = 'en';

/** The language every `t()` and formatter uses from now on (main.ts sets it from the URL state). */
export function setLang(lang: Lang): void {
  current = lang;
}
export function currentLang(): Lang {
  return current;
}
export function currentLocale(): string {
  return LOCALE[current];
}

export type Params = Readonly<Record<string, string | number>>;

/**
 * The message `key` in the current language with `{name}` placeholders filled: numbers are
 * formatted for the locale; plural forms are chosen by `count` with Intl.PluralRules.
 */
export function t(key: MessageKey, params: Params = {}): string {
  return formatMessage(TABLES[current][key] ?? TABLES.en[key] ?? key, params, current);
}

/** The same for a given language (a figure or summary made in both languages at once). */
export function tIn(lang: Lang, key: MessageKey, params: Params = {}): string {
  return formatMessage(TABLES[lang][key] ?? key, params, lang);
}

export function formatMessage(message: Message, params: Params, lang: Lang): string {
  const locale = LOCALE[lang];
  const text = typeof message === 'string' ? message : new Intl.PluralRules(locale).select(Number(params.count)) === 'one' ? message.one : message.other;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(v) : v;
  });
}

/** A place's name as the reader's language has it (the gazetteer's Chinese name where it has one). */
export function placeName(loc: { name: string; name_zh?: string | null }): string {
  return current === 'zh' && loc.name_zh ? loc.name_zh : loc.name;
}
