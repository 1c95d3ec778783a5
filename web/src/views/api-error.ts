import { ApiFailure } from '../api';
import { message } from '../dom';
import { t } from '../i18n';
import { errorText } from '../shared';
import { dataSpan } from './message-nodes';

/**
 * A panel's error message for the research pages: the API's message is shown as it is (English:
 * codes are the contract), marked `translate="no"`, after the page's own words in the reader's
 * language; the retry button in the reader's language too.
 */
export function apiError(err: unknown, retry?: () => void): HTMLElement {
  const el = message('error', errorText(err), retry);
  const p = el.querySelector('p')!;
  if (err instanceof ApiFailure && err.status !== 0) p.replaceChildren(t('datasets.error.api'), dataSpan(err.message));
  else p.replaceChildren(dataSpan(errorText(err)));
  const button = el.querySelector('button');
  if (button) button.textContent = t('core.tryAgain');
  return el;
}
