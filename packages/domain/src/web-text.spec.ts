import { municipalityWebText, webTextLanguageFor, type WebTextData } from './web-text';

const DATA: WebTextData = {
  municipality: 'Fauske',
  languageForm: 'Nøytral',
  centre: {
    name: 'Krisesenteret i Salten',
    hostName: 'Bodø',
    isHost: false,
    memberCount: 13,
    services: ['SHELTER', 'DAY_SERVICE', 'PHONE_SERVICE', 'FOLLOW_UP'],
    capabilities: ['CHILDREN', 'INTERPRETER'],
  },
  contactPoint: { agency: 'NAV Fauske', title: 'Koordinator' },
  updatedOn: '2026-11-21',
};

it.each([
  ['Nynorsk', 'NN'],
  ['nynorsk', 'NN'],
  ['Bokmål', 'NB'],
  ['Nøytral', 'NB'],
  [null, 'NB'],
])('målform %s → %s', (form, lang) => expect(webTextLanguageFor(form)).toBe(lang));

describe('municipalityWebText', () => {
  it('bokmål: which centre, what it offers, the phone, help at once, the contact point and «sist oppdatert»', () => {
    const w = municipalityWebText(DATA);
    expect(w.language).toBe('NB');
    expect(w.text.split('\n')).toEqual([
      'Krisesentertilbudet i Fauske kommune',
      '',
      'Fauske kommune gir sitt krisesentertilbud gjennom Krisesenteret i Salten, som drives av Bodø kommune på vegne av 13 kommuner.',
      'Tilbudet er for kvinner, menn og barn som er utsatt for vold eller trusler om vold i nære relasjoner. Du kan ta kontakt direkte, uten henvisning eller timeavtale.',
      '',
      'Hva tilbudet gir',
      '– Botilbud (døgnåpent)',
      '– Dagtilbud',
      '– Telefontilbud (døgnåpent)',
      '– Oppfølging i reetableringsfasen',
      'Senteret er tilrettelagt for barn og bruk av tolk.',
      '',
      'Telefon hele døgnet',
      'Krisesenteret i Salten har telefon som er åpen hele døgnet.',
      '',
      'Trenger du hjelp nå?',
      'Er du i akutt fare, ring politiet på 112.',
      'Du kan også ringe Vold- og overgrepslinjen på 116 006. Den er gratis og åpen hele døgnet.',
      '',
      'Kontakt i kommunen',
      'Kommunens kontaktpunkt for krisesenteret er NAV Fauske (Koordinator).',
      '',
      'Sist oppdatert 21.11.2026.',
    ]);
    expect(w.html).toContain('<h2>Krisesentertilbudet i Fauske kommune</h2>');
    expect(w.html).toContain('<ul><li>Botilbud (døgnåpent)</li><li>Dagtilbud</li>');
    expect(w.html).toContain('<p><small>Sist oppdatert 21.11.2026.</small></p>');
    expect(w.gapCodes).toEqual(['CENTRE_PHONE_NOT_HELD']);
    expect(w.gaps).toEqual([
      'Senterets telefonnummer finnes ikke i Samordna: legg det inn i teksten før den publiseres.',
    ]);
  });

  it('nynorsk where the municipality writes nynorsk', () => {
    const w = municipalityWebText({
      ...DATA,
      municipality: 'Vang',
      languageForm: 'Nynorsk',
      centre: { ...DATA.centre!, name: 'Krisesenteret i Hønefoss', hostName: 'Ringerike' },
    });
    expect(w.language).toBe('NN');
    expect(w.title).toBe('Krisesentertilbodet i Vang kommune');
    expect(w.text).toContain(
      'Vang kommune gir krisesentertilbodet sitt gjennom Krisesenteret i Hønefoss, som Ringerike kommune driv på vegner av 13 kommunar.',
    );
    expect(w.text).toContain('– Butilbod (døgnope)');
    expect(w.text).toContain('Senteret er lagt til rette for born og bruk av tolk.');
    expect(w.text).toContain('Treng du hjelp no?');
    expect(w.text).not.toMatch(/\b(ikke|hjelp nå|tilbudet)\b/);
  });

  it('the host, missing data as gaps for the editor (never in the text), and HTML escaped', () => {
    const w = municipalityWebText({
      ...DATA,
      municipality: 'Bodø',
      centre: { ...DATA.centre!, isHost: true, services: null, capabilities: null, name: 'Senter <A&B>' },
      contactPoint: null,
    });
    expect(w.text).toContain('Bodø kommune driver Senter <A&B> på vegne av 13 kommuner.');
    expect(w.html).toContain('Senter &lt;A&amp;B&gt;');
    expect(w.html).not.toContain('<A&B>');
    expect(w.text).not.toContain('Kontakt i kommunen');
    expect(w.gapCodes).toEqual([
      'SERVICES_NOT_REGISTERED',
      'PHONE_SERVICE_NOT_REGISTERED',
      'CENTRE_PHONE_NOT_HELD',
      'NO_CONTACT_POINT',
    ]);
    expect(w.gaps).toEqual([
      'Hvilke av de fire elementene i krisesenterloven § 2 senteret gir, er ikke registrert.',
      'Telefontilbudet er ikke registrert for senteret.',
      'Senterets telefonnummer finnes ikke i Samordna: legg det inn i teksten før den publiseres.',
      'Kommunen har ikke registrert et kontaktpunkt for krisesenteret.',
    ]);
  });

  it('a municipality with no registered centre says so, without claiming it has no offer', () => {
    const w = municipalityWebText({ ...DATA, centre: null });
    expect(w.text).toContain('Fauske kommune er ikke registrert med et krisesentertilbud i Samordna ennå.');
    expect(w.text).toContain('ring politiet på 112');
  });
});
