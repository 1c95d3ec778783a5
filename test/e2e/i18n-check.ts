import type { Page } from 'playwright-core';
import type { Message } from '../../web/src/i18n/catalogue.js';
import { AREAS } from '../../web/src/i18n/index.js';

/**
 * The end-to-end check that a page shown in Chinese has no untranslated string.
 *
 * `untranslatedStrings(page)` returns every visible string of the page (text nodes, and the
 * `aria-label`, `title`, `placeholder` and `alt` attributes; also `<option>`s of a visible
 * `<select>`, SVG `<title>` tooltips of visible shapes) that holds a run
 * of two or more Latin letters which is not a Latin word of the Chinese catalogue (so 'Rt',
 * 'SEIR', 'CSV', 'API' pass where the Chinese messages use them). Hidden elements are skipped, and
 * so is everything under `translate="no"` (data: place and source names, licences, API errors…;
 * the nearest `translate` attribute decides, as in HTML). An empty list means the page passed:
 *
 *   expect(await untranslatedStrings(page)).toEqual([]);
 *
 * Tooltips and closed panels are hidden until shown: hover or open them before calling it.
 */

/** Where a string was found and the Latin words in it that the Chinese catalogue does not use. */
export interface Untranslated {
  /** The element: tag, id and classes ("button#tab-chart", "th.num"), and the attribute if not text. */
  where: string;
  text: string;
  words: string[];
}

const LATIN_RUN = /\p{Script=Latin}{2,}/gu;

/** The Latin words used in the values of the Chinese catalogue (placeholders like `{metric}` are not text). */
export function catalogueLatinWords(): Set<string> {
  const words = new Set<string>();
  for (const area of Object.values(AREAS)) {
    for (const m of Object.values(area.zh as Record<string, Message>)) {
      for (const text of typeof m === 'string' ? [m] : [m.one, m.other]) {
        for (const w of text.replace(/\{\w+\}/g, ' ').match(LATIN_RUN) ?? []) words.add(w);
      }
    }
  }
  return words;
}

/** Every visible string of `page` outside `translate="no"` with a Latin word that is not allowed (default: the Chinese catalogue's). */
export async function untranslatedStrings(page: Page, allowed: Iterable<string> = catalogueLatinWords()): Promise<Untranslated[]> {
  return page.evaluate(
    ({ allowedWords, pattern }) => {
      const allowedSet = new Set(allowedWords);
      const found: { where: string; text: string; words: string[] }[] = [];
      const describe = (el: Element) => {
        const id = el.id ? `#${el.id}` : '';
        const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
        return `${el.tagName.toLowerCase()}${id}${cls}`;
      };
      const check = (where: string, text: string | null) => {
        if (!text) return;
        const words = (text.match(new RegExp(pattern, 'gu')) ?? []).filter((w) => !allowedSet.has(w));
        if (words.length) found.push({ where, text: text.trim().replace(/\s+/g, ' ').slice(0, 200), words: [...new Set(words)] });
      };
      /** Data by the HTML rule: the nearest `translate` attribute says no. */
      const isData = (el: Element) => el.closest('[translate]')?.getAttribute('translate') === 'no';
      /** What the reader sees: an <option> as its <select>, an SVG <title> as the shape it names. */
      const isShown = (el: Element): boolean => {
        if (el.closest('script, style, template, noscript, head')) return false;
        if (el instanceof HTMLOptionElement || el instanceof HTMLOptGroupElement) {
          const select = el.closest('select');
          return !!select && isShown(select);
        }
        if (el instanceof SVGTitleElement) return !!el.parentElement && isShown(el.parentElement);
        return el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true, visibilityProperty: true } as CheckVisibilityOptions);
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node instanceof Element ? node : node.parentElement;
        if (!el || isData(el) || !isShown(el)) continue;
        if (node instanceof Element) {
          for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) check(`${describe(el)}[${attr}]`, el.getAttribute(attr));
        } else if (node.textContent?.trim()) {
          check(describe(el), node.textContent);
        }
      }
      return found;
    },
    { allowedWords: [...allowed], pattern: LATIN_RUN.source },
  );
}
