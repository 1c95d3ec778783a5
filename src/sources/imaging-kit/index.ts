export { RowCells } from './cells.js';
export { DATE_FORM_LABEL, parseLooseDate, type DateForm, type LooseDate } from './dates.js';
export { ImageNames } from './duplicates.js';
export { FINDING_LEAVES, FLAT_FINDINGS, findingLeaf, normalizeFinding, type FindingLeaf, type FindingResult } from './findings.js';
export { IssueLog, quote } from './issues.js';
export { commercialUseOf } from './license.js';
export { cellText, imagingSheet, readImagingCsv, type ImagingTable, type RawCell, type TableRecord, type TableSpec } from './table.js';
export * from './vocab.js';

import type { SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';

/** The input file with `fileId`, or undefined; a required one missing is a SourceFormatError. */
export function inputFile(files: SourceInputFile[], fileId: string, required: true, dataset: string): SourceInputFile;
export function inputFile(files: SourceInputFile[], fileId: string, required?: false, dataset?: string): SourceInputFile | undefined;
export function inputFile(files: SourceInputFile[], fileId: string, required = false, dataset = ''): SourceInputFile | undefined {
  const f = files.find((x) => x.fileId === fileId);
  if (!f && required) throw new SourceFormatError(`the ${dataset} metadata file (file id ${JSON.stringify(fileId)}) was not provided`, fileId);
  return f;
}
