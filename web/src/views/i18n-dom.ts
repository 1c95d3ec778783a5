import { h } from '../dom';
import { currentLang, placeName, t, type MessageKey, type Params } from '../i18n';

/**
 * Catalogue text with data inside it, for the explorer, sources, anomalies and models views.
 * Data (place names, source ids, codes, what a reader typed) is shown as it is and marked
 * `translate="no"` (docs/dashboard.md, "Languages"), so it can sit in a Chinese sentence.
 */

/** Data in the page: a span marked translate="no". */
export function data(text: string): HTMLSpanElement {
  return h('span', { translate: 'no' }, text);
}

/** A place's name in the reader's language (Chinese where the gazetteer has it), as data. */
export function place(loc: { name: string; name_zh?: string | null }): HTMLSpanElement {
  return data(placeName(loc));
}

/** The message `key` with the placeholders named in `nodes` filled by those nodes (data, links, buttons), the rest as t() fills them. */
export function tNodes(key: MessageKey, params: Params, nodes: Readonly<Record<string, Node>>): (string | Node)[] {
  const marks = Object.fromEntries(Object.keys(nodes).map((name) => [name, `\u0000${name}\u0000`]));
  return t(key, { ...params, ...marks })
    .split('\u0000')
    .map((part, i) => (i % 2 === 1 ? nodes[part] : part))
    .filter((part) => part !== '');
}

/** Sentences one after another: a space between them in English, none after Chinese full stops. */
export function sentences(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(currentLang() === 'zh' ? '' : ' ');
}

/** A metric's title in the reader's language (the catalogue's, for the metrics the dashboard offers); else its id. */
export function metricTitle(id: string): string {
  const key = `core.metric.${id}` as MessageKey;
  const title = t(key);
  return title === key ? id : title;
}
