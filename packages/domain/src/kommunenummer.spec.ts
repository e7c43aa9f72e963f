import { parseKommunenummer, isKommunenummer, isCountyNumber } from './kommunenummer';

describe('parseKommunenummer', () => {
  it.each([
    ['0301', '0301', '03'],
    ['1804', '1804', '18'],
    [' 5001 ', '5001', '50'],
    ['5601', '5601', '56'],
  ])('accepts %p as %p in county %p', (input, value, county) => {
    expect(parseKommunenummer(input)).toEqual({ ok: true, value, countyNumber: county });
  });

  it.each([
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    [null, 'EMPTY'],
    [undefined, 'EMPTY'],
    ['301', 'FORMAT'],
    ['03010', 'FORMAT'],
    ['03a1', 'FORMAT'],
    ['０３０１', 'FORMAT'],
    ['0101', 'UNKNOWN_COUNTY'], // Halden before 2020: old Østfold county 01
    ['9999', 'UNKNOWN_COUNTY'],
    ['3001', 'UNKNOWN_COUNTY'], // Viken (30) was split on 1 January 2024
  ])('refuses %p with %p', (input, error) => {
    const result = parseKommunenummer(input as string | null | undefined);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe(error);
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it('takes another county list when the structure changes', () => {
    expect(parseKommunenummer('3001', ['30']).ok).toBe(true);
    expect(parseKommunenummer('0301', ['30']).ok).toBe(false);
  });

  it('has a boolean shorthand', () => {
    expect(isKommunenummer('0301')).toBe(true);
    expect(isKommunenummer('301')).toBe(false);
  });
});

describe('isCountyNumber', () => {
  it.each([
    ['03', true],
    ['56', true],
    ['3', false],
    ['033', false],
    [null, false],
  ])('%p → %p', (input, expected) => {
    expect(isCountyNumber(input as string | null)).toBe(expected);
  });
});
