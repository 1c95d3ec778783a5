export { LineCells } from './cells.js';
export { readCaseDate, type CaseDateOptions, type CaseDateReading, type DateNote, type DateOrder } from './dates.js';
export * from './normalize.js';
export { readLineList, type LineListSpec, type LineListTable, type LineRecord } from './table.js';
export { IssueLog, quote } from '../kit/issue-log.js';

import type { IsoDate } from '../../domain/dates.js';
import type { SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';

/** The one file a line-list parser is called with (the runner calls it once per copy). */
export function singleFile(files: SourceInputFile[], list: string): SourceInputFile {
  if (files.length !== 1) throw new SourceFormatError(`the ${list} parser reads one file per call, got ${files.length}`, files[0]?.name ?? list);
  return files[0];
}

/**
 * The copy's date: the `asof_YYYY-MM-DD` (or any YYYY-MM-DD) in its file name when it has one
 * (a dated vintage), else the list's frozen date.
 */
export function copyDateOf(name: string, frozenOn: IsoDate): IsoDate {
  const m = /(\d{4}-\d{2}-\d{2})(?!.*\d{4}-\d{2}-\d{2})/.exec(name.split('/').pop() ?? name);
  return m ? m[1] : frozenOn;
}
