/**
 * Which series /v1 serves by default when several describe the same location and metric
 * (docs/data-model.md, "Precedence"): a total the source itself reported beats one Glacier
 * derived from the source's finer rows; among equals, the source listed first wins.
 * Example: the `US` row of JHU's global file (reported) beats the sum of JHU's US counties.
 */
export const SOURCE_PRECEDENCE: readonly string[] = ['jhu-global', 'jhu-us'];
