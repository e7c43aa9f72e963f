import { readCsv } from './csv-read';
import { parseAgencyKind, parseContactRows } from './contact-import';
import { formatServerMessage } from './server-messages';
import type { ImportRowError } from './population-import';

/** The bokmål side of row errors (their keys are checked below). */
const plain = (errors: readonly ImportRowError[]) =>
  errors.map(({ line, column, message }) => ({ line, column, message }));

const HEAD = 'kommunenummer;tjeneste;navn på tjenesten;kontaktperson;funksjon;telefon;e-post;kontaktpunkt;merknad';

it.each([
  ['NAV', 'NAV'],
  ['barnevern', 'BARNEVERN'],
  ['Child welfare', 'BARNEVERN'],
  ['HOUSING_OFFICE', 'HOUSING_OFFICE'],
  ['  Fastlege / legevakt ', 'GP_EMERGENCY_CLINIC'],
  ['bakeri', null],
  ['', null],
])('parseAgencyKind(%s) = %s', (raw, kind) => expect(parseAgencyKind(raw)).toBe(kind));

describe('parseContactRows', () => {
  it('the headers of the contacts export, in any order; empty cells are null (left as they are)', () => {
    const p = parseContactRows(
      readCsv(
        'Kommune;Kommunenr.;Tjeneste;Navn på tjenesten;Kontaktperson;Funksjon;Telefon;E-post;Kontaktpunkt;Sist bekreftet\n' +
          'Bodø;1804;NAV;NAV Bodø;Kari Nordmann;Veileder;75 55 00 00;Kari.Nordmann@nav.no;Ja;01.12.2026\n' +
          'Fauske;841;Barnevern;Barnevernet i Fauske;Ola Hansen;;;;;',
      ),
    );
    expect(p.errors).toEqual([]);
    expect(p.rows).toEqual([
      {
        line: 2,
        kommunenummer: '1804',
        kind: 'NAV',
        agency: 'NAV Bodø',
        name: 'Kari Nordmann',
        title: 'Veileder',
        phone: '75 55 00 00',
        email: 'kari.nordmann@nav.no',
        isContactPoint: true,
        note: null,
      },
      {
        line: 3,
        kommunenummer: '0841',
        kind: 'BARNEVERN',
        agency: 'Barnevernet i Fauske',
        name: 'Ola Hansen',
        title: null,
        phone: null,
        email: null,
        isContactPoint: null,
        note: null,
      },
    ]);
  });

  it.each([
    ['1804;NAV;NAV Bodø;;;;;;', { line: 2, column: 'kontaktperson', message: 'Kontaktpersonen mangler.' }],
    [
      '18x4;NAV;NAV Bodø;Kari;;;;;',
      { line: 2, column: 'kommunenummer', message: '«18x4» er ikke et kommunenummer (fire sifre).' },
    ],
    [
      '1804;Bakeri;Bakeren;Kari;;;;;',
      {
        line: 2,
        column: 'tjeneste',
        message: '«Bakeri» er ikke en kjent tjeneste (for eksempel NAV, Barnevern, Politi, Boligkontor).',
      },
    ],
    ['1804;NAV;;Kari;;;;;', { line: 2, column: 'navn på tjenesten', message: 'Navnet på tjenesten mangler.' }],
    ['1804;NAV;NAV Bodø;Kari;;123;;;', { line: 2, column: 'telefon', message: 'Telefonnummeret må ha 8–15 sifre.' }],
    ['1804;NAV;NAV Bodø;Kari;;;kari@;;', { line: 2, column: 'e-post', message: 'E-postadressen er ikke gyldig.' }],
    [
      '1804;NAV;NAV Bodø;Kari;;;;kanskje;',
      { line: 2, column: 'kontaktpunkt', message: '«kanskje» er ikke ja eller nei.' },
    ],
    [
      '1804;NAV;NAV Bodø;Kari;;;;;Ring henne på tlf 92233444',
      {
        line: 2,
        column: 'merknad',
        message: expect.stringMatching(/^Merknaden ser ut til å inneholde et telefonnummer/),
      },
    ],
    [
      '1804;NAV;NAV Bodø;Kari;;;;;Bor i Storgata 12',
      {
        line: 2,
        column: 'merknad',
        message: expect.stringMatching(/^Merknaden ser ut til å inneholde en gateadresse/),
      },
    ],
    [
      '1804;NAV;NAV Bodø;Kari 150385 10190;;;;;',
      {
        line: 2,
        column: 'kontaktperson',
        message: expect.stringMatching(/^Navnet ser ut til å inneholde et fødselsnummer/),
      },
    ],
    [
      '1804;NAV;NAV Bodø;Kari;kari@nav.no;;;;',
      {
        line: 2,
        column: 'funksjon',
        message: expect.stringMatching(/^Funksjonen ser ut til å inneholde en e-postadresse/),
      },
    ],
    [
      '1804;NAV;NAV Bodø;Kari;;;;;' + 'x'.repeat(2001),
      { line: 2, column: 'merknad', message: 'Merknaden kan være høyst 2000 tegn.' },
    ],
  ])('row error %#', (row, error) => {
    const p = parseContactRows(readCsv(`${HEAD}\n${row}`));
    expect(plain(p.errors)).toEqual([error]);
    expect(p.rows).toEqual([]);
  });

  it('a personal-data error never repeats the cell', () => {
    const p = parseContactRows(readCsv(`${HEAD}\n1804;NAV;NAV Bodø;Kari;;;;;fnr 15038510190`));
    expect(p.errors[0].message).not.toContain('15038510190');
  });

  it('across rows: the same person twice, two contact points in one municipality, two notes for one agency', () => {
    const p = parseContactRows(
      readCsv(
        [
          HEAD,
          '1804;NAV;NAV Bodø;Kari Nordmann;;;;ja;Åpent 8–15',
          '1804;nav;nav  bodø;kari nordmann;;;;;',
          '1804;Barnevern;Barnevernet;Ola;;;;ja;',
          '1804;NAV;NAV Bodø;Per;;;;nei;Stengt i juli',
          '1841;NAV;NAV Bodø;Per;;;;ja;',
        ].join('\n'),
      ),
    );
    expect(plain(p.errors)).toEqual([
      { line: 3, column: 'kontaktperson', message: 'kari nordmann i nav  bodø står allerede på linje 2.' },
      {
        line: 4,
        column: 'kontaktpunkt',
        message: 'Kommune 1804 har allerede kontaktpunktet på linje 2; en kommune har ett kontaktpunkt.',
      },
      { line: 5, column: 'merknad', message: 'NAV Bodø har en annen merknad på linje 2.' },
    ]);
    expect(p.rows.map((r) => r.line)).toEqual([2, 6]);
  });

  it('a header without the required columns, and an empty file', () => {
    expect(plain(parseContactRows(readCsv('navn;telefon\nKari;22334455')).errors)).toEqual([
      {
        line: 1,
        column: null,
        message: 'Overskriftsraden mangler kolonnene kommunenummer, tjeneste, navn på tjenesten.',
      },
    ]);
    expect(plain(parseContactRows([]).errors)).toEqual([{ line: 1, column: null, message: 'Filen er tom.' }]);
  });
});

describe('row errors by key (a client words them in its own language)', () => {
  it.each([
    ['1804;bakeri;NAV Bodø;Kari;;;;;', 'import.unknownAgencyKind', { value: 'bakeri' }],
    ['1804;NAV;NAV Bodø;Kari;;;;kanskje;', 'import.notYesNo', { value: 'kanskje' }],
    ['18x4;NAV;NAV Bodø;Kari;;;;;', 'import.notKommunenummer', { value: '18x4' }],
    ['1804;NAV;NAV Bodø;Kari;;;;;' + 'x'.repeat(2001), 'field.tooLong', { label: 'theNote', max: 2000 }],
    ['1804;NAV;NAV Bodø;Kari;kari@nav.no;;;;', 'personalData.EMAIL', { label: 'theFunction' }],
  ])('%s → %s', (row, messageKey, params) => {
    const [error] = parseContactRows(readCsv(`${HEAD}\n${row}`)).errors;
    expect(error).toMatchObject({ messageKey, params });
  });

  it('the bokmål message is the catalogue text of the key and params', () => {
    const [error] = parseContactRows(readCsv(`${HEAD}\n1804;NAV;NAV Bodø;Kari;kari@nav.no;;;;`)).errors;
    expect(error.message).toBe(formatServerMessage({ key: error.messageKey, params: error.params }));
    expect(error.message).toMatch(/^Funksjonen ser ut til å inneholde en e-postadresse/);
  });
});
