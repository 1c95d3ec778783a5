/**
 * A missing value is data: it carries a reason, never a fake zero.
 * The codes are part of the public API (CSV column `missing_reason`).
 */
export const MISSING_REASONS = {
  not_reported: 'The source published no figure for this date (e.g. weekly or weekday-only reporting, a blank cell, or a cumulative 0 between positive values).',
  discontinued: 'The source stopped publishing this metric for this location; later cells it still writes (often 0) are not data.',
  incomplete: 'A derived total that lacks at least one of its components on this date.',
  not_applicable: 'The requested transform cannot be computed here (no earlier value to difference against, or no population for per-capita).',
} as const;

export type MissingReason = keyof typeof MISSING_REASONS;

export const MISSING_REASON_CODES = Object.keys(MISSING_REASONS) as MissingReason[];
