import type { NgramKind } from '../../domain/chatter.js';

/**
 * Which chatter tokens are noise: a pure, documented filter for views of the daily counts (a
 * "top terms" chart), never applied when storing them. A token is noise when:
 *
 * 1. it holds an **artefact** word: `nan` (pandas' NaN counted as a word upstream, rank 2–4 in
 *    every term file), or a **markup** word from the HTML of the tweet's `source` field that
 *    leaked into the texts (`href`, `rel`, `nofollow`: "href rel nofollow", "true href rel",
 *    "nofollow twitter web"), or a **URL fragment** (`https`, `http`, `www`, `t.co`, `co`,
 *    `bit.ly`, `html`, `htm`, `ow.ly`);
 * 2. or it is one of the **client labels** that follow that markup ("twitter web app", "twitter
 *    web client", "twitter web", "web app", "twitter android", "twitter iphone", "hootsuite inc");
 * 3. or **every word is empty**: a stop word (English, Spanish,
 *    Portuguese, French, Italian function words — `STOP_WORDS`: NLTK's lists, abridged, without
 *    words that are content in another language of the files ("us" = the U.S., "die", "come")), an HTML entity residue (`amp`,
 *    `gt`, `lt`, `quot`, `nbsp`, `apos`: "&amp;" lost its "&" and ";"), the retweet marker `rt`,
 *    `via` (share-button text), a number ("19", "2020", "000"), or a single letter or digit.
 *    So "the", "amp", "19", "of the" are noise, but "covid 19", "coronavirus amp" and
 *    "stay home" are not (one content word is enough);
 * 4. or it has **no letter, digit or emoji** (lone punctuation: "…", "-", "!!").
 *
 * Emoji-only tokens are **not** noise: an emoji is content on a chatter page (😷, 🙏). Case is
 * ignored when matching words (tokens are lower case upstream). Tokens of scripts that
 * need combining marks (Devanagari, Thai) lost those marks upstream ("जनत कर" for "जनता
 * कर्फ्यू"); they are not noise by this filter — the damage is documented in the manifest.
 */

export const ARTEFACT_WORDS: ReadonlySet<string> = new Set(['nan']);
export const MARKUP_WORDS: ReadonlySet<string> = new Set(['href', 'rel', 'nofollow']);
export const URL_WORDS: ReadonlySet<string> = new Set(['https', 'http', 'www', 't.co', 'co', 'bit.ly', 'ow.ly', 'html', 'htm']);
export const CLIENT_LABELS: ReadonlySet<string> = new Set(['twitter web app', 'twitter web client', 'twitter web', 'web app', 'twitter android', 'twitter iphone', 'hootsuite inc']);
export const ENTITY_WORDS: ReadonlySet<string> = new Set(['amp', 'gt', 'lt', 'quot', 'nbsp', 'apos']);
export const TWITTER_WORDS: ReadonlySet<string> = new Set(['rt', 'via']);

const words = (s: string) => s.split(/\s+/).filter((w) => w !== '');

/** English: NLTK's list (179 words) with the contraction fragments the tokenizer leaves ("don", "ll", "re"). */
const ENGLISH = words(`
i me my myself we our ours ourselves you you're you've you'll you'd your yours yourself yourselves he him his himself
she she's her hers herself it it's its itself they them their theirs themselves what which who whom this that that'll
these those am is are was were be been being have has had having do does did doing a an the and but if or because as
until while of at by for with about against between into through during before after above below to from up down in out
on off over under again further then once here there when where why how all any both each few more most other some such
no nor not only own same so than too very s t can will just don don't should should've now d ll m o re ve y ain aren
aren't couldn couldn't didn didn't doesn doesn't hadn hadn't hasn hasn't haven haven't isn isn't ma mightn mightn't
mustn mustn't needn needn't shan shan't shouldn shouldn't wasn wasn't weren weren't won won't wouldn wouldn't
im ive dont cant wont didnt doesnt isnt arent also would could get got via
`);

/** Spanish: NLTK's list, abridged to the forms that are not also content words elsewhere. */
const SPANISH = words(`
de la que el en y a los del se las por un para con no una su al lo como más pero sus le ya o este sí porque esta entre
cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante
ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella
estar estas algunas algo nosotros mi mis tú te ti tu tus ellas nosotras vosotros vosotras os mío mía míos mías tuyo tuya
tuyos tuyas suyo suya suyos suyas nuestro nuestra nuestros nuestras vuestro vuestra vuestros vuestras esos esas estoy
estás está estamos estáis están esté estés estemos estéis estén estaré estarás estará estaremos estaréis estarán estaba
estabas estábamos estabais estaban estuve estuvo estuvimos estuvieron he has ha hemos habéis han haya hayas hayamos
hayan había habías habíamos habían hubo soy eres es somos sois son sea seas seamos sean será serán era eras éramos eran
fui fue fuimos fueron tengo tienes tiene tenemos tenéis tienen tenga tenía tenían tuve tuvo hace hacer si sí así aquí ahí
pues q x d vía
`);

/** Portuguese, French and Italian function words (NLTK, abridged), including those seen in the files. */
const OTHER = words(`
o os as um uma uns umas do da dos das no na nos nas ao aos à às pelo pela pelos pelas em com por para que não sim mais
mas se seu sua seus suas ele ela eles elas eu tu você vocês nós meu minha é são foi ser está estão tem têm ter já só
também isso isto esse essa este esta aquele aquela como quando muito muita até sem sobre entre depois antes ou nem
le la les l un une des du de et en au aux ce cet cette ces il ils elle elles je tu nous vous on qui que quoi dont où
est sont été être avoir a ont pas ne plus pour par sur dans avec sans mais ou donc car ni se sa son ses leur leurs mon
ma mes ton ta tes notre nos votre vos y ça c j qu n s d
il lo la gli le i un una uno di da in con su per tra fra del dello della dei degli delle al allo alla ai agli alle dal
dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle che e è non più ma
anche se ci si mi ti vi ne sono ho hai ha abbiamo hanno era questo questa questi queste quello quella
`);

export const STOP_WORDS: ReadonlySet<string> = new Set([...ENGLISH, ...SPANISH, ...OTHER]);

/** A word that carries no topic on its own. */
function isEmptyWord(w: string): boolean {
  return STOP_WORDS.has(w) || ENTITY_WORDS.has(w) || TWITTER_WORDS.has(w) || /^\d+$/.test(w) || /^[\p{L}\p{N}]$/u.test(w);
}

const CONTENT = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

/** True when the token is noise for a chatter view (rules above). `kind` tells how the token splits into words. */
export function isNoise(token: string, kind: NgramKind): boolean {
  const t = token.normalize('NFC').trim().toLowerCase();
  if (t === '') return true;
  const ws = kind === 'terms' ? [t] : t.split(/\s+/);
  if (ws.some((w) => ARTEFACT_WORDS.has(w) || MARKUP_WORDS.has(w) || URL_WORDS.has(w))) return true;
  if (CLIENT_LABELS.has(ws.join(' '))) return true;
  if (!CONTENT.test(t)) return true;
  return ws.every(isEmptyWord);
}

/** Why a token is noise (for documentation and tests), or null when it is not. */
export function noiseReason(token: string, kind: NgramKind): 'artefact' | 'markup' | 'url' | 'client-label' | 'punctuation' | 'stop-words' | null {
  const t = token.normalize('NFC').trim().toLowerCase();
  if (t === '') return 'punctuation';
  const ws = kind === 'terms' ? [t] : t.split(/\s+/);
  if (ws.some((w) => ARTEFACT_WORDS.has(w))) return 'artefact';
  if (ws.some((w) => MARKUP_WORDS.has(w))) return 'markup';
  if (ws.some((w) => URL_WORDS.has(w))) return 'url';
  if (CLIENT_LABELS.has(ws.join(' '))) return 'client-label';
  if (!CONTENT.test(t)) return 'punctuation';
  return ws.every(isEmptyWord) ? 'stop-words' : null;
}
