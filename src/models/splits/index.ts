export { apportion } from './apportion.js';
export { auditSplits, compareSplitNames, type AuditRow, type SplitAudit } from './audit.js';
export {
  buildSplits,
  MAX_SEED,
  RATIO_SUM_TOLERANCE,
  type BuildSplitsOptions,
  type BuiltSplits,
  type SplitRow,
  type SplitSummary,
} from './build.js';
export { SplitInputError, type SplitParameter } from './errors.js';
export { groupItems, type ItemGroup, type SplitItem } from './groups.js';
