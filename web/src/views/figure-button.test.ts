import { describe, expect, it } from 'vitest';
import { fileNamePart } from './figure-button';

describe('fileNamePart', () => {
  it('keeps letters, digits, - and _ and turns any other run into one -', () => {
    expect(fileNamePart('glacier-rt-DE-confirmed-2020-03-01')).toBe('glacier-rt-DE-confirmed-2020-03-01');
    expect(fileNamePart('glacier-rt-US-NY/../x y')).toBe('glacier-rt-US-NY-x-y');
    expect(fileNamePart('a__b')).toBe('a__b');
  });
  it('trims dashes at the ends and never returns an empty name', () => {
    expect(fileNamePart('--ab--')).toBe('ab');
    expect(fileNamePart('德国')).toBe('figure');
    expect(fileNamePart('')).toBe('figure');
  });
});
