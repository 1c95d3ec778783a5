import { describe, expect, it } from 'vitest';
import { DEFAULT_RATIOS, DEFAULT_STATE, mapScope, MAX_LOCATIONS, MAX_TERMS, parseTerms, parseRatios, parseSeed, parseState, permalinkState, serializeState, transformOf, type ViewState } from './state.js';

describe('state ↔ URL', () => {
  it('reads an empty query as the defaults and writes the defaults as an empty query', () => {
    expect(parseState('')).toEqual(DEFAULT_STATE);
    expect(serializeState({ ...DEFAULT_STATE })).toBe('');
  });

  it('round-trips every field', () => {
    const s: ViewState = {
      lang: 'zh', embed: true, page: 'explorer', tab: 'chart', metric: 'deaths', measure: 'daily', perCapita: false, date: '2021-03-01', region: 'US_CA', counties: true,
      locations: ['FR', 'US_CA_06037', 'SHIP-DIAMOND-PRINCESS'], log: true, from: '2020-03-01', to: '2021-12-31', asOf: '2020-06-01',
      anomalies: false, sort: 'name', desc: false, pageNo: 3, datasetId: 'covid-chestxray',
      datasets: { type: 'imaging', modality: 'x-ray', redistribution: 'ids-only', commercial: false, local: true, q: 'chest x-ray' },
      imaging: { datasets: ['covid-chestxray', 'actualmed'], finding: 'Pneumonia/Viral', modality: 'ct', view: 'AP Supine' },
      split: { built: true, datasets: ['covid-ct'], finding: 'No Finding', ratios: '0.8,0.2', seed: 42 },
      cases: { sources: ['linelist-kudos'], location: 'CN_HB', sex: 'female', outcome: 'died', asOf: '2020-02-15' },
      literature: { q: 'bat "spike protein"', from: '2020-01-01', to: '2020-03-31', hasDoi: true, place: 'IT' },
      sequences: { location: 'AU', strain: 'Australia/VIC05/2020' },
      chatter: { terms: ['stay home', 'covid'], share: false, date: '2020-03-23', kind: 'bigrams', noise: false },
    };
    const url = serializeState(s);
    expect(url).toBe('?tab=chart&metric=deaths&measure=daily&per100k=0&date=2021-03-01&region=US_CA&counties=1&loc=FR,US_CA_06037,SHIP-DIAMOND-PRINCESS&log=1&from=2020-03-01&to=2021-12-31&asof=2020-06-01&anomalies=0&sort=name&desc=0&p=3' +
      '&id=covid-chestxray&type=imaging&mod=x-ray&redist=ids-only&commercial=0&held=1&q=chest+x-ray&imgset=covid-chestxray,actualmed&finding=Pneumonia%2FViral&imgmod=ct&view=AP+Supine' +
      '&split=1&splitset=covid-ct&splitfinding=No+Finding&ratios=0.8,0.2&seed=42&lists=linelist-kudos&place=CN_HB&sex=female&outcome=died&listasof=2020-02-15' +
      '&lq=bat+%22spike+protein%22&lfrom=2020-01-01&lto=2020-03-31&doi=1&lplace=IT&splace=AU&strain=Australia%2FVIC05%2F2020&terms=stay+home,covid&share=0&cdate=2020-03-23&kind=bigrams&noise=0&lang=zh&embed=1');
    expect(parseState(url)).toEqual(s);
  });

  it('keeps the language the switch chose in the link; no lang (or an unknown one) is the browser’s', () => {
    expect(parseState('?lang=zh').lang).toBe('zh');
    expect(parseState('?lang=en&page=sources').lang).toBe('en');
    expect(parseState('?lang=fr').lang).toBeNull();
    expect(serializeState({ ...DEFAULT_STATE, lang: 'zh' })).toBe('?lang=zh');
    expect(serializeState({ ...DEFAULT_STATE, lang: null })).toBe('');
  });

  it('reads the research pages’ filters and falls back on what a link cannot mean', () => {
    expect(parseState('?page=chatter').chatter).toEqual({ terms: ['coronavirus', 'covid', 'lockdown'], share: true, date: null, kind: 'terms', noise: true });
    expect(parseState('?terms=').chatter.terms).toEqual([]);
    expect(serializeState({ ...DEFAULT_STATE, chatter: { ...DEFAULT_STATE.chatter, terms: [] } })).toBe('?terms=');
    expect(parseTerms(' a ,b  c,,a,' + 'x'.repeat(61))).toEqual(['a', 'b c']);
    expect(parseTerms(Array.from({ length: 12 }, (_, i) => `t${i}`).join(','))).toHaveLength(MAX_TERMS);
    const s = parseState('?kind=words&cdate=2020-02-30&share=x&lfrom=2020-05-01&lto=2020-01-01&doi=maybe&lplace=<b>&splace=au&strain=%0Ax');
    expect(s.chatter).toMatchObject({ kind: 'terms', date: null, share: true });
    expect(s.literature).toEqual({ q: '', from: '2020-01-01', to: '2020-05-01', hasDoi: null, place: 'CN' });
    expect(s.sequences).toEqual({ location: null, strain: null });
    expect(parseState('?lq=%20a%20%20b%20').literature.q).toBe('a b');
    expect(parseState('?strain=hCoV-19%2FIndia%2F(x)%2C1').sequences.strain).toBe('hCoV-19/India/(x),1');
    expect(parseState(`?strain=${'a'.repeat(201)}`).sequences.strain).toBeNull();
    expect(parseState('?strain=%20%20').sequences.strain).toBeNull();
  });

  it('falls back to defaults for values a link cannot mean, instead of failing', () => {
    const s = parseState('?tab=pie&metric=cases&measure=weekly&date=2021-02-30&region=<script>&loc=fr,DE,,DE&p=-2&sort=x;y&asof=yesterday');
    expect(s).toMatchObject({ tab: 'map', metric: 'confirmed', measure: 'daily_7day_avg', date: null, region: 'world', locations: ['DE'], pageNo: 0, sort: 'value', asOf: null });
  });

  it('keeps at most ten locations, in order, without repeats, and puts a reversed range in order', () => {
    const keys = Array.from({ length: 14 }, (_, i) => `K${i}`);
    expect(parseState(`?loc=${keys.join(',')}`).locations).toEqual(keys.slice(0, MAX_LOCATIONS));
    expect(parseState('?from=2021-05-01&to=2021-01-01')).toMatchObject({ from: '2021-01-01', to: '2021-05-01' });
  });

  it('maps the measure and per-capita toggle to the API transform', () => {
    expect(transformOf('cumulative', false)).toBe('cumulative');
    expect(transformOf('cumulative', true)).toBe('per_100k');
    expect(transformOf('daily', true)).toBe('daily_per_100k');
    expect(transformOf('daily_7day_avg', true)).toBe('daily_7day_avg_per_100k');
  });

  it('maps a map region to the level and parent to ask for', () => {
    expect(mapScope({ region: 'world', counties: false })).toEqual({ level: 'country', parent: null });
    expect(mapScope({ region: 'US', counties: false })).toEqual({ level: 'subdivision', parent: 'US' });
    expect(mapScope({ region: 'US', counties: true })).toEqual({ level: 'county', parent: null });
    expect(mapScope({ region: 'US_CA', counties: false })).toEqual({ level: 'county', parent: 'US_CA' });
  });

  it('reads the research pages’ filters, dropping what the API would refuse', () => {
    const s = parseState('?page=datasets&type=pictures&mod=mri&redist=free&commercial=yes&held=2&q=%20%20many%20%20%20words%20');
    expect(s.page).toBe('datasets');
    expect(s.datasets).toEqual({ type: null, modality: null, redistribution: null, commercial: null, local: null, q: 'many words' });
    expect(parseState(`?q=${'x'.repeat(300)}`).datasets.q).toHaveLength(200);
    expect(parseState('?page=dataset&id=../etc').datasetId).toBeNull();
    expect(parseState('?page=dataset&id=jhu-global').datasetId).toBe('jhu-global');
    const i = parseState('?page=imaging&imgset=covid-ct,,bad%20id,covid-ct,pocus&finding=%3Cb%3E&imgmod=ultrasound&view=PA');
    expect(i.imaging).toEqual({ datasets: ['covid-ct', 'pocus'], finding: '', modality: 'ultrasound', view: 'PA' });
    expect(parseState('?finding=Pneumonia%2FBacterial%2FE.Coli').imaging.finding).toBe('Pneumonia/Bacterial/E.Coli');
  });

  it('keeps a split request only with ratios and a seed the API takes', () => {
    expect(parseState('?split=1&ratios=0.5,0.6&seed=-1').split).toEqual({ built: true, datasets: [], finding: '', ratios: DEFAULT_RATIOS, seed: 0 });
    expect(parseState('?split=1&ratios=0.6,0.2,0.2&seed=4294967295').split).toMatchObject({ ratios: '0.6,0.2,0.2', seed: 4294967295 });
    expect(parseState('?seed=4294967296').split.seed).toBe(0);
    expect(serializeState(parseState(`?ratios=${DEFAULT_RATIOS}&split=0`))).toBe('');
  });

  it('parses split ratios and seeds', () => {
    expect(parseRatios('0.7,0.15,0.15')).toEqual([0.7, 0.15, 0.15]);
    expect(parseRatios(' 0.8 , 0.2 ')).toEqual([0.8, 0.2]);
    expect(parseRatios('1')).toEqual([1]);
    expect(parseRatios('.5,.5')).toEqual([0.5, 0.5]);
    for (const bad of ['', '0.5', '0.5,0.5,0,0', '0.25,0.25,0.25,0.25', '1,0', '-0.5,1.5', '0.5;0.5', 'a,b', '0.7,0.15,0.15,', '1e-1,0.9']) expect(parseRatios(bad), bad).toBeNull();
    expect(parseSeed('0')).toBe(0);
    expect(parseSeed(' 123 ')).toBe(123);
    for (const bad of [null, '', '1.5', '-1', '4294967296', '12345678901', '0x10']) expect(parseSeed(bad), String(bad)).toBeNull();
  });

  it('reads the Cases page’s filters, dropping what the API would refuse, and both lists as the default', () => {
    const s = parseState('?page=cases&lists=linelist-kudos,who,linelist-kudos&place=CN_HB&sex=female&outcome=died&listasof=2020-02-15');
    expect(s.page).toBe('cases');
    expect(s.cases).toEqual({ sources: ['linelist-kudos'], location: 'CN_HB', sex: 'female', outcome: 'died', asOf: '2020-02-15' });
    // Both lists named, in any order, is the default: left out of the link.
    expect(parseState('?lists=linelist-kudos,linelist-open').cases.sources).toEqual([]);
    expect(serializeState({ ...DEFAULT_STATE, cases: { ...DEFAULT_STATE.cases, sources: ['linelist-kudos', 'linelist-open'] } })).toBe('');
    expect(serializeState({ ...DEFAULT_STATE, cases: { ...DEFAULT_STATE.cases, sources: ['linelist-kudos', 'linelist-open'].slice(1) as ['linelist-open'] } })).toBe('?lists=linelist-open');
    const bad = parseState('?page=cases&lists=who&place=cn%3Cb%3E&sex=x&outcome=dead&listasof=2020-02-30');
    expect(bad.cases).toEqual(DEFAULT_STATE.cases);
    expect(parseState('?place=US_CA_06037').cases.location).toBe('US_CA_06037');
    expect(serializeState(parseState('?page=cases&sex=female&p=2'))).toBe('?page=cases&p=2&sex=female');
  });

  it('reads embed=1 as the chrome-less view; anything else is the full page', () => {
    expect(parseState('?embed=1').embed).toBe(true);
    expect(parseState('?embed=yes').embed).toBe(false);
    expect(serializeState({ ...DEFAULT_STATE, embed: true })).toBe('?embed=1');
  });

  it('makes a permalink explicit: the language, the map’s day and the chart’s period as shown; never embed', () => {
    const map = permalinkState(parseState('?embed=1'), { lang: 'en', mapDate: '2023-03-09' });
    expect(serializeState(map)).toBe('?date=2023-03-09&lang=en');
    // A day chosen on the timeline stays the day chosen.
    expect(permalinkState(parseState('?date=2021-03-01'), { lang: 'zh', mapDate: '2021-02-28' }).date).toBe('2021-03-01');
    const chart = permalinkState(parseState('?tab=chart&loc=US,CN_HB&to=2021-03-01'), { lang: 'zh', chartFrom: '2020-01-22', chartTo: '2023-03-09' });
    expect(serializeState(chart)).toBe('?tab=chart&loc=US,CN_HB&from=2020-01-22&to=2021-03-01&lang=zh');
    expect(parseState(serializeState(chart))).toEqual(chart);
  });
});
