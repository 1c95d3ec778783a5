import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../i18n';
import { en as core } from '../i18n/messages/core';
import { METRIC_IDS } from '../state';
import { metricTitle, sentences } from './i18n-dom';

describe('the explorer’s catalogue helpers', () => {
  afterEach(() => setLang('en'));

  it('names every metric the dashboard offers from the catalogue, in each language; an unknown one by its id', () => {
    for (const id of METRIC_IDS) expect(metricTitle(id), id).toBe(core[`core.metric.${id}` as keyof typeof core]);
    setLang('zh');
    expect(metricTitle('confirmed')).toBe('确诊');
    expect(metricTitle('deaths')).toBe('死亡');
    for (const id of METRIC_IDS) expect(metricTitle(id), id).toMatch(/\p{Script=Han}/u);
    expect(metricTitle('not_a_metric')).toBe('not_a_metric');
  });

  it('puts a space between English sentences and none after a Chinese full stop, skipping empty ones', () => {
    expect(sentences('One.', '', 'Two.')).toBe('One. Two.');
    setLang('zh');
    expect(sentences('一。', '', '二。')).toBe('一。二。');
  });
});
