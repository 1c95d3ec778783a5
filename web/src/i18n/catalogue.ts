/**
 * The typed message catalogue. Each area of the dashboard has a module in `messages/` exporting
 * `en` (the source: its keys are the catalogue's keys) and `zh` (typed `Translation<typeof en>`,
 * so a key missing from or extra in Chinese is a compile error; `catalogue.test.ts` also checks
 * placeholders and plural forms). Keys are prefixed with the area (`nav.`, `map.`, …) so areas
 * never collide. Why not an i18n library: see web/README.md ("Languages").
 */

/** A message: text with `{name}` placeholders, or plural forms chosen by the `count` parameter. */
export type Message = string | { readonly one: string; readonly other: string };
export type Messages = Readonly<Record<string, Message>>;
/** The Chinese of an area: exactly the English keys, each with a message. */
export type Translation<T extends Messages> = { readonly [K in keyof T]: Message };

export interface Area<T extends Messages = Messages> {
  readonly en: T;
  readonly zh: Translation<T>;
}
