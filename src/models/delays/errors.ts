/** The inputs a delay summary or fit can be refused for (named as the options are). */
export type DelayParameter = 'days' | 'intervals' | 'family' | 'families' | 'cases' | 'samples' | 'seed' | 'maxDays' | 'distribution';

/**
 * An input the delay models refuse; `parameter` names the option, so the API can answer a coded
 * 400. `count` is how many items of an array were refused (e.g. negative delays), when that
 * is the reason; `index` the first of them.
 */
export class DelayInputError extends Error {
  constructor(
    message: string,
    readonly parameter: DelayParameter,
    readonly count?: number,
    readonly index?: number,
  ) {
    super(`${parameter}: ${message}`);
    this.name = 'DelayInputError';
  }
}
