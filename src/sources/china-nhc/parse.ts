import { dayNumber } from '../../domain/dates.js';
import type { MetricId } from '../../domain/metrics.js';
import type { ParsedSource, SourceInputFile } from '../../domain/series.js';
import { SourceFormatError } from '../../domain/validation.js';
import { readCsvTable, requireColumns } from '../../lib/csv.js';
import { readCount } from '../dxy/daily.js';
import { supersededIssue } from '../kit/duplicate-rows.js';
import { LongPivot } from '../kit/long-pivot.js';
import { provincePlace } from '../dxy/places.js';

const COLUMNS: readonly [string, MetricId | null][] = [['date', null], ['confirm', 'confirmed'], ['cure', 'recovered'], ['dead', 'deaths'], ['province', null]];

/**
 * prov_data_0130.csv (Glacier-Ice/Covid-19-data-science): `date,confirm,cure,dead,province,suspect`,
 * several snapshots of a day per province, newest first, days in descending order. One value per
 * province and day: the first row of the day in the file (its newest snapshot). Provinces are
 * Chinese names (湖北省, 香港, 台湾) and a few foreign countries by Chinese name (美国).
 */
export function parseChinaNhc(files: SourceInputFile[]): ParsedSource {
  const out: ParsedSource = { series: [], populations: [], issues: [] };
  for (const f of files) {
    if (f.fileId !== 'provinces') throw new SourceFormatError(`unknown file id ${JSON.stringify(f.fileId)}`, f.name);
    const p = parseProvinces(f);
    out.series.push(...p.series);
    out.issues.push(...p.issues);
  }
  return out;
}

function parseProvinces(file: SourceInputFile): ParsedSource {
  const { rows, header, lineOf } = readCsvTable(file.text, file.name);
  requireColumns(header, COLUMNS.map(([name]) => name), file.name);
  const col = new Map(header.map((h, i) => [h, i]));
  const metrics = COLUMNS.filter(([, m]) => m).map(([, m]) => m!);
  const pivot = new LongPivot({ fileId: file.fileId, file: file.name, metrics, policy: 'snapshots' });
  let lastDay = Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows.length; i++) {
    const line = lineOf(i);
    const r = rows[i];
    if (r.length !== header.length) throw new SourceFormatError(`expected ${header.length} fields, found ${r.length}`, file.name, line);
    const dateText = r[col.get('date')!].trim();
    const day = dayNumber(dateText);
    if (Number.isNaN(day)) throw new SourceFormatError(`not a date: ${JSON.stringify(dateText)} (expected YYYY-MM-DD)`, file.name, line, 'date');
    if (day > lastDay) throw new SourceFormatError(`rows are not in descending date order (${dateText} after an earlier date); the first row of a day is read as its newest snapshot`, file.name, line, 'date');
    lastDay = day;
    const name = r[col.get('province')!].trim();
    if (name === '') throw new SourceFormatError('empty province name', file.name, line, 'province');
    const values = COLUMNS.filter(([, m]) => m).map(([c]) => readCount(r[col.get(c)!], file.name, line, c));
    // Newest first: the earlier a row in the file, the newer its snapshot.
    pivot.add({ key: name, place: provincePlace(name), label: name, day, line, values, rank: -i });
  }
  const series = pivot.series();
  const issues = pivot.superseded
    ? [supersededIssue(file.name, pivot.superseded, `${pivot.superseded} rows are earlier snapshots of a province and day already read (the file lists snapshots newest first); not read`)]
    : [];
  return { series, populations: [], issues };
}
