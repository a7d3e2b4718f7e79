import { describe, expect, it } from 'vitest';
import { matchWorkCenter, parseWorkCenter, relaxedKey, workCenterKey } from '../../../src/main/engine/capacity/workCenter';

describe('work center codes C.DD.NN.T', () => {
  it('parses construction, diameter, cut and type', () => {
    expect(parseWorkCenter('9.38.20.F')).toEqual({
      code: '9.38.20.F',
      construction: '9',
      diameterIn: 38,
      cutNeedlesPerIn: 20,
      type: 'F',
      typeLetter: 'F',
    });
  });

  it('handles trailing spaces, lower case, FOW variants, leading zeros and a decimal cut', () => {
    expect(parseWorkCenter('6.30.28.F ')?.code).toBe('6.30.28.F');
    expect(parseWorkCenter(' 6.30.36.fow')).toMatchObject({ code: '6.30.36.FOW', type: 'FOW', typeLetter: 'F' });
    expect(parseWorkCenter('06.30.09.F')?.code).toBe('6.30.9.F');
    expect(parseWorkCenter('6.20.14.5.V')).toMatchObject({ diameterIn: 20, cutNeedlesPerIn: 14.5, type: 'V' });
  });

  it('rejects what is not a work center', () => {
    for (const bad of ['', '   ', '9.38.20', '9.38.20.1', 'A.38.20.F', '9.38..F', undefined, null]) {
      expect(parseWorkCenter(bad)).toBeNull();
    }
    expect(workCenterKey(' odd code ')).toBe('ODD CODE');
  });

  it('matches exactly, by type, or by diameter and cut', () => {
    expect(matchWorkCenter('9.38.20.F', '9.38.20.F ', 'off')).toBe('exact');
    expect(matchWorkCenter('9.38.20.F', '9.38.20.M', 'off')).toBe('mismatch');
    expect(matchWorkCenter('9.38.20.F', '9.38.20.M', 'type')).toBe('relaxed');
    expect(matchWorkCenter('6.30.36.F', '6.30.36.FOW', 'type')).toBe('relaxed');
    expect(matchWorkCenter('8.30.18.F', '6.30.18.F', 'type')).toBe('mismatch');
    expect(matchWorkCenter('8.30.18.F', '6.30.18.F', 'diameter-cut')).toBe('relaxed');
    expect(matchWorkCenter('8.30.18.F', '6.30.24.F', 'diameter-cut')).toBe('mismatch');
    expect(matchWorkCenter('', '6.30.24.F', 'type')).toBe('unknown');
    expect(relaxedKey('9.38.20.F', 'off')).toBeNull();
  });
});
