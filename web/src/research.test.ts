import { describe, expect, it } from 'vitest';
import { setLang } from './i18n/index.js';
import { accessText, ACCESS_KINDS, barsBy, commercialText, COUNT_UNITS, datasetTypeText, findingPrefixes, fitBox, imagingQuery, modalityText, redistributionLabel, splitQuery, unitText } from './research.js';
import { DATASET_TYPES, MODALITIES, REDISTRIBUTION_CLASSES } from './state.js';

describe('research pages: pure helpers', () => {
  it('totals summary rows by finding and by view, most images first, null as "(none)"', () => {
    const rows = [
      { finding: 'Pneumonia/Viral/COVID-19', view: 'PA', images: 5 },
      { finding: 'Pneumonia/Viral/COVID-19', view: 'AP', images: 3 },
      { finding: 'No Finding', view: 'PA', images: 8 },
      { finding: null, view: null, images: 1 },
      { finding: 'ARDS', view: 'AP', images: 8 },
    ];
    expect(barsBy(rows, 'finding')).toEqual([
      { label: 'ARDS', images: 8 }, { label: 'No Finding', images: 8 }, { label: 'Pneumonia/Viral/COVID-19', images: 8 }, { label: '(none)', images: 1 },
    ]);
    expect(barsBy(rows, 'view')).toEqual([{ label: 'PA', images: 13 }, { label: 'AP', images: 11 }, { label: '(none)', images: 1 }]);
    expect(barsBy([], 'view')).toEqual([]);
    // Totals are the sum of the rows: the charts' totals equal the summary's.
    expect(barsBy(rows, 'finding').reduce((n, b) => n + b.images, 0)).toBe(25);
  });

  it('lists every finding with each prefix of its hierarchy, once, sorted', () => {
    expect(findingPrefixes(['Pneumonia/Viral/COVID-19', null, 'Pneumonia/Bacterial', 'No Finding', 'Pneumonia/Viral/SARS'])).toEqual([
      'No Finding', 'Pneumonia', 'Pneumonia/Bacterial', 'Pneumonia/Viral', 'Pneumonia/Viral/COVID-19', 'Pneumonia/Viral/SARS',
    ]);
  });

  it('builds the API queries, leaving empty values out', () => {
    expect(imagingQuery({ datasets: [], finding: '', modality: null, view: '' })).toEqual({ dataset: undefined, finding: undefined, modality: undefined, view: undefined });
    expect(imagingQuery({ datasets: ['covid-ct', 'pocus'], finding: 'Non-COVID', modality: 'ct', view: 'Axial' })).toEqual({ dataset: 'covid-ct,pocus', finding: 'Non-COVID', modality: 'ct', view: 'Axial' });
    expect(splitQuery({ built: true, datasets: [], finding: '', ratios: '0.8,0.2', seed: 0 })).toEqual({ dataset: undefined, finding: undefined, ratios: '0.8,0.2', seed: 0 });
  });

  it('fits thumbnails in their box without upscaling, so the table does not move when they load', () => {
    expect(fitBox(2000, 1000, 96)).toEqual({ width: 96, height: 48 });
    expect(fitBox(600, 1200, 96)).toEqual({ width: 48, height: 96 });
    expect(fitBox(50, 40, 96)).toEqual({ width: 50, height: 40 });
    expect(fitBox(null, 300, 96)).toEqual({ width: 96, height: 96 });
    expect(fitBox(4000, 3, 96)).toEqual({ width: 96, height: 1 });
  });

  it('has words for every redistribution class in both languages, and warns for ids-only and registration-required', () => {
    for (const lang of ['en', 'zh'] as const) {
      setLang(lang);
      for (const c of REDISTRIBUTION_CLASSES) {
        const l = redistributionLabel(c);
        expect(l?.text, c).toBeTruthy();
        expect(l?.help, c).toBeTruthy();
        expect(l?.text, c).not.toBe(c);
      }
      expect(REDISTRIBUTION_CLASSES.filter((c) => redistributionLabel(c)!.warn).sort()).toEqual(['ids-only', 'registration-required']);
    }
    setLang('en');
    expect(redistributionLabel('ids-only')!.text).toBe('IDs only');
    expect(redistributionLabel('no-such-class')).toBeNull();
  });

  it('words the catalog’s vocabularies in the reader’s language, and shows a value it does not know as given', () => {
    const vocabularies: [readonly string[], (v: string) => string][] = [[DATASET_TYPES, datasetTypeText], [MODALITIES, modalityText], [ACCESS_KINDS, accessText], [COUNT_UNITS, unitText]];
    setLang('zh');
    for (const [values, text] of vocabularies) {
      for (const v of values) expect(text(v), v).toMatch(/[\u4e00-\u9fff]|^(CT|API)$/);
      expect(text('something-new')).toBe('something-new');
    }
    expect(commercialText(null)).toBe('商业使用：条款未说明');
    setLang('en');
    expect([datasetTypeText('social'), modalityText('x-ray'), accessText('web-pages'), unitText('images'), commercialText(true)]).toEqual(['social media', 'X-ray', 'web pages', 'images', 'Commercial use allowed']);
  });
});
