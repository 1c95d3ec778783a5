import { describe, expect, it } from 'vitest';
import { pickChineseNames } from './chinese-names.js';

const place = (key: string, ...aliases: string[]) => ({ key, aliases });

describe('pickChineseNames', () => {
  it('takes the shortest Chinese spelling, never an English one or one with a bracketed note', () => {
    const names = pickChineseNames([place('CN_HB', 'Hubei', '湖北省', '湖北'), place('CN_HA_ANYANG', '安阳（含滑县）', '安阳市', '安阳')]);
    expect(names).toEqual(new Map([['CN_HB', '湖北'], ['CN_HA_ANYANG', '安阳']]));
  });

  it('gives a spelling to one place only: the higher level first, then the place that has no other', () => {
    const names = pickChineseNames([
      place('CN_JL_JILIN', '吉林市', '吉林'),
      place('CN_JL', '吉林省', '吉林'),
      place('CN_BJ_CHAOYANG', '朝阳区', '朝阳'),
      place('CN_LN_CHAOYANG', '朝阳'),
      place('CN_BJ_UNASSIGNED', '待明确地区', '未知'),
      place('CN_SH_UNASSIGNED', '待明确地区', '未知'),
    ]);
    expect(names).toEqual(new Map([['CN_JL', '吉林'], ['CN_JL_JILIN', '吉林市'], ['CN_BJ_CHAOYANG', '朝阳区'], ['CN_LN_CHAOYANG', '朝阳']]));
  });
});
