/** Bounds on a fit's work: model evaluations and wall-clock time. Running out is an error, never a hang. */
export class FitBudgetError extends Error {
  constructor(
    readonly reason: 'evaluations' | 'time',
    readonly evaluations: number,
  ) {
    super(reason === 'time' ? `the fit ran out of time after ${evaluations} model evaluations` : `the fit used its ${evaluations} model evaluations without finishing`);
    this.name = 'FitBudgetError';
  }
}

export interface BudgetLimits {
  maxEvaluations: number;
  /** Wall-clock limit in milliseconds (Infinity: none). */
  timeLimitMs: number;
  /** Clock in milliseconds (default performance.now). */
  now?: () => number;
}

export class Budget {
  evaluations = 0;
  private readonly deadline: number;
  private readonly now: () => number;
  constructor(private readonly limits: BudgetLimits) {
    this.now = limits.now ?? (() => performance.now());
    this.deadline = this.now() + limits.timeLimitMs;
  }

  /** Counts one model evaluation; throws FitBudgetError past either limit. */
  spend(): void {
    if (++this.evaluations > this.limits.maxEvaluations) throw new FitBudgetError('evaluations', this.limits.maxEvaluations);
    // The clock is read every 16 evaluations: one evaluation takes well under a millisecond.
    if ((this.evaluations & 15) === 0 && this.now() > this.deadline) throw new FitBudgetError('time', this.evaluations);
  }
}
