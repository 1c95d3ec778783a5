/** The inputs a split can be refused for (named as the API parameters are; `rows` is the audit's input). */
export type SplitParameter = 'ratios' | 'seed' | 'items' | 'rows';

/** An input `buildSplits` or `auditSplits` refuses; `parameter` names the input, so the API can answer a coded 400. */
export class SplitInputError extends Error {
  constructor(
    message: string,
    readonly parameter: SplitParameter,
  ) {
    super(`${parameter}: ${message}`);
    this.name = 'SplitInputError';
  }
}
