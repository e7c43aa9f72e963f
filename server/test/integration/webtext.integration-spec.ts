import { createTestApp, type TestApp } from '../utils/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ label: 'webtext' });
});
afterAll(() => app?.close());

const Q = `query($k: String!, $l: WebTextLanguage, $d: String) { municipalityWebText(kommunenummer: $k, language: $l, asOf: $d) { language title text html updatedOn gaps gapCodes } }`;
async function webText(k: string, l?: string) {
  const r = await app.gql(Q, { k, l, d: '2026-06-01' }, { as: null });
  expect(r.errors).toBeUndefined();
  return r.data!.municipalityWebText;
}

describe('municipalityWebText', () => {
  it('bokmål for a partner of Salten, from the data: its centre, host, member count, and «sist oppdatert» from the latest change', async () => {
    const [{ n }] = await app.ds.query(
      `SELECT count(*)::int AS n FROM crisis_centre c, LATERAL (SELECT 1 FROM agreement_party p JOIN agreement a ON a.id = p.agreement_id WHERE a.centre_id = c.id AND a.status IN ('ACTIVE','NOTICE_GIVEN','DISPUTED') GROUP BY p.kommunenummer) x WHERE c.seed_key = 'centre:Krisesenteret i Salten'`,
    );
    const w = await webText('1841');
    expect(w.language).toBe('NB');
    expect(w.title).toBe('Krisesentertilbudet i Fauske kommune');
    expect(w.text).toContain(
      `Fauske kommune gir sitt krisesentertilbud gjennom Krisesenteret i Salten, som drives av Bodø kommune på vegne av ${n} kommuner.`,
    );
    expect(w.text).toContain('ring politiet på 112');
    expect(w.html).toMatch(/^<h2>Krisesentertilbudet i Fauske kommune<\/h2>/);
    // «Sist oppdatert» follows the data: touch the centre, and the date moves.
    await app.ds.query(
      `UPDATE crisis_centre SET updated_at = '2026-11-30T12:00:00Z' WHERE seed_key = 'centre:Krisesenteret i Salten'`,
    );
    const after = await webText('1841');
    expect(after.updatedOn >= '2026-11-30').toBe(true);
    expect(after.text).toContain(`Sist oppdatert ${after.updatedOn.split('-').reverse().join('.')}.`);
  });

  it('a contact point appears in the text; without one it is a gap for the editor', async () => {
    const before = await webText('1841');
    expect(before.gaps).toContain('Kommunen har ikke registrert et kontaktpunkt for krisesenteret.');
    expect(before.gapCodes).toContain('NO_CONTACT_POINT');
    expect(before.gapCodes).toHaveLength(before.gaps.length);
    const [g] = await app.ds.query(
      `INSERT INTO agency (kommunenummer, kind, name) VALUES ('1841', 'NAV', 'NAV Fauske') RETURNING id`,
    );
    await app.ds.query(
      `INSERT INTO contact_person (agency_id, name, title, is_contact_point, phone) VALUES ($1, 'Kari Kontakt', 'Koordinator', true, '+47 99 99 99 99')`,
      [g.id],
    );
    const w = await webText('1841');
    expect(w.text).toContain('Kommunens kontaktpunkt for krisesenteret er NAV Fauske (Koordinator).');
    expect(w.gaps).not.toContain('Kommunen har ikke registrert et kontaktpunkt for krisesenteret.');
    expect(w.gapCodes).not.toContain('NO_CONTACT_POINT');
    // A person's name and phone never go into a public text.
    expect(w.text).not.toContain('Kari Kontakt');
    expect(w.text).not.toContain('99 99');
  });

  it('nynorsk for a nynorsk municipality (by its målform), bokmål on request', async () => {
    const [{ language_form }] = await app.ds.query(
      `SELECT language_form FROM municipality WHERE kommunenummer = '3454'`,
    );
    expect(language_form).toBe('Nynorsk');
    // Vang's centre membership as the seed has it: whichever it is, the text is nynorsk.
    const w = await webText('3454');
    expect(w.language).toBe('NN');
    expect(w.title).toBe('Krisesentertilbodet i Vang kommune');
    expect(w.text).toContain('Treng du hjelp no?');
    expect((await webText('3454', 'NB')).title).toBe('Krisesentertilbudet i Vang kommune');
  });

  it('a municipality with no registered centre, and bad input', async () => {
    // Eigersund: no agreement and no documented membership in data/national.
    const w = await webText('1101');
    expect(w.text).toContain('Eigersund kommune er ikke registrert med et krisesentertilbud i Samordna ennå.');
    // Oslo runs its centre for itself alone: no «på vegne av 1 kommuner».
    const oslo = await webText('0301');
    expect(oslo.text).toContain('Oslo kommune driver Oslo krisesenter for sine egne innbyggere.');
    const bad = await app.gql(Q, { k: '1899' }, { as: null });
    expect(bad.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const wrong = await app.gql(Q, { k: 'abc' }, { as: null });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kommunenummer' });
  });
});
