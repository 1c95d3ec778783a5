import { message } from '../dom';
import { t } from '../i18n';
import { errorText } from '../shared';

/**
 * A panel's error message for the research pages: the API's message is shown as it is (English:
 * codes are the contract), marked `translate="no"`; the retry button in the reader's language.
 */
export function apiError(err: unknown, retry?: () => void): HTMLElement {
  const el = message('error', errorText(err), retry);
  el.querySelector('p')?.setAttribute('translate', 'no');
  const button = el.querySelector('button');
  if (button) button.textContent = t('core.tryAgain');
  return el;
}
