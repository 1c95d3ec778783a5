/** The inputs an Rt estimate can be refused for (named as the API parameters are). */
export type RtParameter = 'incidence' | 'mean_si' | 'std_si' | 'si_distr' | 'mean_prior' | 'std_prior' | 'cv_posterior' | 'window' | 't_start' | 't_end' | 'windows';

/**
 * An input the estimator refuses, as EpiEstim's checks do (`check_config`, `check_si_distr`,
 * `check_times`, `process_I`). `tooShort` marks a series with too few days for one window: the
 * data's fault rather than the caller's.
 */
export class RtInputError extends Error {
  constructor(
    readonly parameter: RtParameter,
    message: string,
    readonly tooShort = false,
  ) {
    super(`${parameter}: ${message}`);
    this.name = 'RtInputError';
  }
}
