import { getJson } from '../api';
import { currentLang, placeName } from '../i18n';
import { dataSpan } from './message-nodes';

/**
 * A location key as the reader names the place: the gazetteer's name (Chinese where it has one,
 * placeName), or the key itself when the API does not know it. `node` is that name as shown in a
 * sentence: plain text when it is in the reader's language, else data (translate="no").
 */
/** A location key as the reader names the place (placeName of the API's location), or the key itself when the API does not know it. */
export function placeNameOf(key: string): Promise<string> {
  return getJson('/v1/locations/{key}', {}, { key }).then((r) => placeName(r.data)).catch(() => key);
}

export async function placeLabel(key: string): Promise<{ text: string; node: Node }> {
  let loc: { name: string; name_zh?: string | null } | null = null;
  try {
    loc = (await getJson('/v1/locations/{key}', {}, { key })).data;
  } catch {
    loc = null;
  }
  const text = loc ? placeName(loc) : key;
  const own = loc !== null && (currentLang() === 'en' || !!loc.name_zh);
  return { text, node: own ? document.createTextNode(text) : dataSpan(text) };
}
