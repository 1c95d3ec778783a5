import { t, type MessageKey, type Params } from '../i18n';

/**
 * A catalogue message with some placeholders filled by nodes rather than text: data inside a
 * sentence (a place without a Chinese name, the reader's search words) marked `translate="no"`
 * in its own element, where the sentence's word order is the language's.
 */
export function tNodes(key: MessageKey, params: Params, nodes: Record<string, Node>): (Node | string)[] {
  const marks: Record<string, string> = {};
  Object.keys(nodes).forEach((name, i) => (marks[name] = `\u0000${i}\u0000`));
  const text = t(key, { ...params, ...marks });
  const names = Object.keys(nodes);
  return text.split('\u0000').map((part, i) => (i % 2 === 1 ? nodes[names[Number(part)]] : part)).filter((x) => x !== '');
}

/** Data text in an element marked translate="no". */
export const dataSpan = (text: string) => {
  const el = document.createElement('span');
  el.setAttribute('translate', 'no');
  el.textContent = text;
  return el;
};
