import { currentLang, placeName, t, type MessageKey } from '../i18n';
import { dataSpan } from './message-nodes';

/**
 * Catalogue text with data inside it, for the explorer, sources, anomalies and models views.
 * Data (place names, source ids, codes, what a reader typed) is shown as it is and marked
 * `translate="no"` (docs/dashboard.md, "Languages"), so it can sit in a Chinese sentence.
 */

/**
 * Data in the page (a span marked translate="no") and a message with placeholders filled by nodes:
 * message-nodes.ts's, shared with the research pages.
 */
export { dataSpan as data, tNodes } from './message-nodes';

/** A place's name in the reader's language (Chinese where the gazetteer has it), as data. */
export function place(loc: { name: string; name_zh?: string | null }): HTMLSpanElement {
  return dataSpan(placeName(loc));
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
