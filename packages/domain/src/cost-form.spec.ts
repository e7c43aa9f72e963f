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
    ['abc', 'Satsen må være et beløp i kroner, for eksempel 120 eller 120,50.'],
    ['-5', 'Satsen kan ikke være negativ.'],
    ['1,234', 'Satsen kan ha høyst to desimaler (kr 0,01).'],
    ['12a', 'Satsen må være et beløp i kroner, for eksempel 120 eller 120,50.'],
  ])('%p is refused in kroner, never øre', (text, error) => {
    expect(parseKroner(text, 'Satsen')).toEqual({ ok: false, error });
    expect(error).not.toMatch(/øre/);
  });
});

describe('parsePercent and parseYears', () => {
  it.each([
    ['40', 4_000],
    ['12,5', 1_250],
    ['100', 10_000],
  ])('%p %% → %p bp', (text, bp) => expect(parsePercent(text, 'Andelen')).toEqual({ ok: true, value: bp }));
  it.each(['101', 'x', '-1'])('%p is refused', (text) => expect(parsePercent(text, 'Andelen').ok).toBe(false));
  it.each([
    ['10', { ok: true, value: 10 }],
    ['0', { ok: false, error: 'Avskrivningstiden må være et helt antall år fra 1 til 100.' }],
    ['2,5', { ok: false, error: 'Avskrivningstiden må være et helt antall år fra 1 til 100.' }],
  ])('years %p', (text, r) => expect(parseYears(text, 'Avskrivningstiden')).toEqual(r));
});

describe('readModelParams', () => {
  it('reads only the chosen model’s fields', () => {
    expect(readModelParams('BASE_PLUS_PER_INHABITANT', { baseOre: '10 000', rateOre: 'abc' })).toEqual({
      params: { baseOre: 1_000_000 },
      errors: {},
      any: true,
    });
  });
  it('refuses a host rate and a host share together at the share', () => {
    expect(readModelParams('HOST_EXCEPTION', { hostRateOre: '300', hostShareBp: '40' }).errors).toEqual({
      hostShareBp: 'Oppgi enten vertskommunens pris per innbygger eller dens andel, ikke begge.',
    });
  });
  it('puts a typing error at its field', () => {
    expect(readModelParams('PER_INHABITANT_HOST_RESIDUAL', { rateOre: 'abc' })).toEqual({
      params: {},
      errors: { rateOre: 'Prisen per innbygger må være et beløp i kroner, for eksempel 120 eller 120,50.' },
      any: false,
    });
  });
});
