export { DelayInputError, type DelayParameter } from './errors.js';
export { DELAY_FAMILIES, type DelayDistribution, type DelayFamily } from './families.js';
export type { BootstrapOptions, Convergence, DelayBootstrap, DelayFit, Interval } from './core.js';
export { DELAY_QUANTILE_PROBS, summarizeDelays, type DelaySummary } from './summary.js';
export { bootstrapDelay, delayLogLikelihood, delayPmf, fitDelay, fitDelays, intervalsFromDays, type DelayInterval, type FitDelayOptions } from './fit.js';
export { bootstrapIncubation, fitIncubation, incubationCaseLogProbs, incubationLogLikelihood, type FitIncubationOptions, type IncubationCase } from './incubation.js';
