import { readFileSync } from 'node:fs';
import { dataPath } from './shared-data.js';

/** A Chinese area of DXY's last area snapshot (china/dxy/DXYArea_latest_2020-03-29.json), as DXY wrote it. */
export interface DxyArea {
  countryName: string;
  provinceName: string;
  provinceShortName: string;
  provinceEnglishName: string;
  cities: { cityName: string }[] | null;
}

/** China's provinces, municipalities and regions in DXY's snapshot (the country row itself left out), read on their own. */
export function dxyChinaAreas(): DxyArea[] {
  const text = readFileSync(dataPath('china/dxy/DXYArea_latest_2020-03-29.json'), 'utf8').replace(/^\uFEFF/, '');
  return (JSON.parse(text) as { results: DxyArea[] }).results.filter((a) => a.countryName === '中国' && a.provinceName !== '中国');
}
