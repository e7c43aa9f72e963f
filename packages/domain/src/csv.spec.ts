import { csvDecimal, neutraliseFormula, toCsv } from './csv';

describe('CSV formulas are neutralised', () => {
  it.each([
    ['=HYPERLINK("http://x","klikk")', `'=HYPERLINK("http://x","klikk")`],
    ['+47 22 33 44 55', "'+47 22 33 44 55"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\n=1+1', "'\n=1+1"],
    ['Bodø', 'Bodø'],
    ['Kari = leder', 'Kari = leder'],
    ['', ''],
  ])('%j → %j', (text, safe) => {
    expect(neutraliseFormula(text)).toBe(safe);
  });

  it('writes BOM, semicolons, CRLF, quotes what needs quoting and keeps numbers numbers', () => {
    const csv = toCsv([
      ['Kommune', 'Beløp (kr)', 'Antall'],
      ['=cmd|"/c calc"!A1', csvDecimal(-1234.5), 7],
      ['Bodø; sentrum', csvDecimal(0), null],
      ['Linje\nto', csvDecimal(12.345, 2), 1.5],
    ]);
    expect(csv).toBe(
      '\ufeffKommune;Beløp (kr);Antall\r\n' +
        `"'=cmd|""/c calc""!A1";-1234,50;7\r\n` +
        '"Bodø; sentrum";0,00;\r\n' +
        '"Linje\nto";12,35;1,50\r\n',
    );
  });

  it('without BOM, with another delimiter', () => {
    expect(toCsv([['a,b', '@x']], { bom: false, delimiter: ',' })).toBe(`"a,b",'@x\r\n`);
  });

  it('refuses a number that is not finite', () => {
    expect(() => csvDecimal(Number.NaN)).toThrow(RangeError);
  });
});
