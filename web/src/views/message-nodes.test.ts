import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../i18n/index.js';
import { tNodes } from './message-nodes.js';

describe('tNodes: a message with data as its own element, in the language’s word order', () => {
  afterEach(() => setLang('en'));
  // Stand-ins for DOM nodes (the unit tests run without a DOM): only their identity matters.
  const place = { name: 'place' } as unknown as Node;

  it('puts the node where the placeholder is, in each language', () => {
    setLang('en');
    expect(tNodes('literature.casesTitle', {}, { place })).toEqual(['Daily confirmed cases, ', place]);
    setLang('zh');
    expect(tNodes('literature.casesTitle', {}, { place })).toEqual([place, '每日确诊病例']);
  });

  it('fills the other placeholders as text (numbers formatted) and leaves no empty piece', () => {
    setLang('zh');
    expect(tNodes('literature.noCases', { from: '2020年1月1日', to: '2020年6月30日' }, { place })).toEqual(['2020年1月1日至2020年6月30日期间', place, '没有每日确诊病例数据。']);
    setLang('en');
    expect(tNodes('sequences.clade', {}, { clade: place })).toEqual(['Clade ', place]);
  });
});
