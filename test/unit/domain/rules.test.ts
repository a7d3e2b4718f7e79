// The business rules of the domain, each in one place (src/shared/domain) and each tested here.
import { describe, expect, it } from 'vitest';
import { isRetiredSupplier, markedRemove, supplierLeadTimeDays } from '../../../src/shared/domain/supplier';
import { splitStyle, styleBase } from '../../../src/shared/domain/style';

describe('supplier retirement', () => {
  it('is "Remove" in Lead_time, MOQ or Type, whatever the case and spaces', () => {
    expect(markedRemove(['Remove', 'Remove', 'Remove'])).toBe(true);
    expect(markedRemove([null, ' remove ', '5000'])).toBe(true);
    expect(markedRemove(['14', '5000', 'Import'])).toBe(false);
    expect(markedRemove([null, null, null])).toBe(false);
  });

  it('is also a name the buyers marked "(Do not Use)"', () => {
    expect(isRetiredSupplier('DECA GLOBAL (Do not Use)', ['8', '1000', 'Domestic'])).toBe(true);
    expect(isRetiredSupplier('SPUNLAB - DO NOT  USE', [null, null, null])).toBe(true);
    expect(isRetiredSupplier('AKRA', ['Remove', 'Remove', 'Remove'])).toBe(true);
    expect(isRetiredSupplier('DECA GLOBAL', ['8', '1000', 'Domestic'])).toBe(false);
    // "do" and "use" apart are no mark
    expect(isRetiredSupplier('DO GOOD USE YARNS', ['8', '1000', 'Domestic'])).toBe(false);
  });
});

describe('supplier lead time', () => {
  it("reads the export's number in the policy's unit", () => {
    expect(supplierLeadTimeDays(14, 'weeks')).toBe(98);
    expect(supplierLeadTimeDays(14, 'days')).toBe(14);
    expect(supplierLeadTimeDays(0.5, 'weeks')).toBe(3.5);
    expect(supplierLeadTimeDays(null, 'weeks')).toBeNull();
  });
});

describe('style base', () => {
  it('is the part before the first "/", trimmed', () => {
    expect(styleBase('CT2655/1')).toBe('CT2655');
    expect(styleBase(' CT2655 /1')).toBe('CT2655');
    expect(styleBase('C1B4374-1/0')).toBe('C1B4374-1');
    expect(styleBase('A/B/C')).toBe('A');
    expect(styleBase('NOVERSION')).toBe('NOVERSION');
    expect(styleBase('/1')).toBe('');
  });

  it('and the version is the rest, null when there is none (the import splits finished styles with it)', () => {
    expect(splitStyle('C1B4374-1/0')).toEqual({ base: 'C1B4374-1', version: '0' });
    expect(splitStyle('860000/3/70P')).toEqual({ base: '860000', version: '3/70P' });
    expect(splitStyle('C0332F//1IV')).toEqual({ base: 'C0332F', version: '/1IV' });
    expect(splitStyle('CT2655/')).toEqual({ base: 'CT2655', version: null });
    expect(splitStyle('NOVERSION')).toEqual({ base: 'NOVERSION', version: null });
  });
});
