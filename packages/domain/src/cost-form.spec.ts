import { parseKroner, parsePercent, parseYears, readModelParams } from './cost-form';

describe('parseKroner', () => {
  it.each([
    ['', null],
    ['120', 12_000],
    ['120,5', 12_050],
    ['1 234,56', 123_456],
    ['kr 85', 8_500],
    ['0', 0],
  ])('%p → %p øre', (text, ore) => {
    expect(parseKroner(text, 'Satsen')).toEqual({ ok: true, value: ore });
  });
  it.each([
    ['abc', 'KRONER_FORMAT', 'Satsen må være et beløp i kroner, for eksempel 120 eller 120,50.'],
    ['-5', 'NEGATIVE', 'Satsen kan ikke være negativ.'],
    ['1,234', 'KRONER_DECIMALS', 'Satsen kan ha høyst to desimaler (kr 0,01).'],
    ['12a', 'KRONER_FORMAT', 'Satsen må være et beløp i kroner, for eksempel 120 eller 120,50.'],
  ])('%p is refused in kroner, never øre (%s)', (text, code, error) => {
    expect(parseKroner(text, 'Satsen')).toEqual({ ok: false, code, error });
    expect(error).not.toMatch(/øre/);
  });
});

describe('parsePercent and parseYears', () => {
  it.each([
    ['40', 4_000],
    ['12,5', 1_250],
    ['100', 10_000],
  ])('%p %% → %p bp', (text, bp) => expect(parsePercent(text, 'Andelen')).toEqual({ ok: true, value: bp }));
  it.each([
    ['101', 'PERCENT_OVER_100'],
    ['x', 'PERCENT_FORMAT'],
    ['-1', 'NEGATIVE'],
    ['1,234', 'PERCENT_DECIMALS'],
  ])('%p is refused (%s)', (text, code) => expect(parsePercent(text, 'Andelen')).toMatchObject({ ok: false, code }));
  it.each([
    ['10', { ok: true, value: 10 }],
    ['0', { ok: false, code: 'YEARS_RANGE', error: 'Avskrivningstiden må være et helt antall år fra 1 til 100.' }],
    ['2,5', { ok: false, code: 'YEARS_RANGE', error: 'Avskrivningstiden må være et helt antall år fra 1 til 100.' }],
  ])('years %p', (text, r) => expect(parseYears(text, 'Avskrivningstiden')).toEqual(r));
});

describe('readModelParams', () => {
  it('reads only the chosen model’s fields', () => {
    expect(readModelParams('BASE_PLUS_PER_INHABITANT', { baseOre: '10 000', rateOre: 'abc' })).toEqual({
      params: { baseOre: 1_000_000 },
      errors: {},
      codes: {},
      any: true,
    });
  });
  it('refuses a host rate and a host share together at the share', () => {
    const r = readModelParams('HOST_EXCEPTION', { hostRateOre: '300', hostShareBp: '40' });
    expect(r.errors).toEqual({
      hostShareBp: 'Oppgi enten vertskommunens pris per innbygger eller dens andel, ikke begge.',
    });
    expect(r.codes).toEqual({ hostShareBp: 'RATE_OR_SHARE' });
  });
  it('puts a typing error at its field', () => {
    expect(readModelParams('PER_INHABITANT_HOST_RESIDUAL', { rateOre: 'abc' })).toEqual({
      params: {},
      errors: { rateOre: 'Prisen per innbygger må være et beløp i kroner, for eksempel 120 eller 120,50.' },
      codes: { rateOre: 'KRONER_FORMAT' },
      any: false,
    });
  });
});
