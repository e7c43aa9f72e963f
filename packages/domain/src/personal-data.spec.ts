import { classifyIdentityNumber, findPersonalData, type PersonalDataKind } from './personal-data';

describe('identity numbers: 11 digits, both mod-11 check digits, a possible date', () => {
  it.each([
    ['15038510190', 'NATIONAL_ID'],
    ['01019010046', 'NATIONAL_ID'],
    ['31129910065', 'NATIONAL_ID'],
    ['29020210069', 'NATIONAL_ID'],
    ['45038510022', 'D_NUMBER'],
    ['15818510095', 'NATIONAL_ID'], // synthetic test number (month + 80)
    ['15038510191', null], // second check digit wrong
    ['15038510180', null], // first check digit wrong
    ['12345678901', null],
    ['00000000000', null], // day 0
    ['1503851019', null], // 10 digits
    ['150385101900', null], // 12 digits
    ['1503851019a', null],
  ])('%s → %p', (text, kind) => {
    expect(classifyIdentityNumber(text)).toBe(kind);
  });
});

describe('personal data in free text', () => {
  const cases: [string, string, 'public' | 'restricted', PersonalDataKind | null][] = [
    ['a national identity number', 'Gjelder beboer 15038510190, se sak', 'restricted', 'NATIONAL_ID'],
    ['one written 6 + 5', 'Fnr. 150385 10190', 'restricted', 'NATIONAL_ID'],
    ['one with a dot', 'fødselsnr 150385.10190.', 'restricted', 'NATIONAL_ID'],
    ['a D-number', 'D-nummer 45038510022', 'public', 'D_NUMBER'],
    ['11 digits with wrong check digits', 'Saksnummer 15038510191', 'public', null],
    ['11 digits inside a longer number', 'Ref 9150385101901', 'public', null],
    ['an account number (11 digits, fails mod-11 as a person number)', 'Konto 12345678901', 'public', null],
    ['an e-mail address', 'Send til kari.nordmann@bodo.kommune.no', 'restricted', 'EMAIL'],
    ['a phone number with +47', 'Ring +47 22 33 44 55 ved behov', 'restricted', 'PHONE'],
    ['a phone number in pairs', 'Vakttelefon 22 33 44 55', 'public', 'PHONE'],
    ['a mobile number 3-2-3', 'Mobil: 922 33 444', 'public', 'PHONE'],
    ['eight digits after tlf', 'tlf. 92233444', 'public', 'PHONE'],
    ['an amount with thousands', 'Budsjett 12 500 000 kr', 'public', null],
    ['a year and a paragraph', 'Vedtatt 2025 etter krisesenterloven § 3', 'public', null],
    ['a case number', 'Sak 2024/12345', 'public', null],
    ['a street address', 'Møt opp i Storgata 12 kl. 9', 'public', 'STREET_ADDRESS'],
    ['an address with a letter', 'Kirkeveien 5B', 'public', 'STREET_ADDRESS'],
    ['an address with two words', 'Kontoret ligger i Kongens gate 14', 'public', 'STREET_ADDRESS'],
    ['Youngs plass', 'Møte i Youngs plass 2', 'public', 'STREET_ADDRESS'],
    ['an address in a restricted field', 'Hentes i Storgata 12', 'restricted', null],
    ['a national road', 'Stengt riksvei 80 i vinter', 'public', null],
    ['a county road', 'Fylkesvei 17 er omkjøring', 'public', null],
    ['a count of places', 'På plass 3 dager før', 'public', null],
    ['a school place', 'Tildelt barnehageplass 1. august', 'public', null],
    ['step text', 'Steg 4: avklar skoleplass', 'public', null],
    ['no numbers at all', 'Skoleskyss for to barn under opphold', 'public', null],
    ['empty', '', 'public', null],
  ];
  it.each(cases)('%s: «%s» (%s) → %p', (_what, text, audience, kind) => {
    expect(findPersonalData(text, audience)?.kind ?? null).toBe(kind);
  });

  it('says where the finding starts', () => {
    expect(findPersonalData('abc 15038510190')).toEqual({ kind: 'NATIONAL_ID', index: 4 });
  });
});
