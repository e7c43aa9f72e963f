import { formatServerMessage, SERVER_MESSAGES, type ServerMessageKey } from '@samordna/domain';
import { createTestApp, type TestApp } from '../utils/test-app';

/**
 * Errors about input and records carry `extensions.messageKey` and `extensions.params`, so a client
 * can word them in its own language; `message` stays the bokmål text formatted from the same key.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ label: 'message-keys' });
});
afterAll(() => app?.close());

type Err = { message: string; extensions: Record<string, unknown> };

/** The first error, checked to be keyed: a known key, and the message the catalogue gives for it. */
function keyed(r: { errors?: readonly unknown[] }): Err {
  const e = r.errors?.[0] as Err | undefined;
  expect(e).toBeDefined();
  const key = e!.extensions.messageKey as ServerMessageKey;
  expect(Object.keys(SERVER_MESSAGES)).toContain(key);
  expect(e!.message).toBe(formatServerMessage({ key, params: e!.extensions.params as Record<string, string> }));
  return e!;
}

it('a field error from a service: key and params (the county number typed)', async () => {
  const r = await app.gql(`query { municipalities(filter: { countyNumber: "x1" }) { kommunenummer } }`);
  const e = keyed(r);
  expect(e.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'filter.countyNumber',
    messageKey: 'municipality.countyNumber',
    params: { countyNumber: 'x1' },
  });
  expect(e.message).toBe('Fylkesnummer må være to sifre, for eksempel «18», ikke «x1».');
});

it('a zod error: every wrong field with its key, the field named by a label key', async () => {
  const r = await app.gql(
    `mutation { createCrisisCentre(input: { name: " ", hostKommunenummer: "1804", note: "${'x'.repeat(4001)}" }) { id } }`,
  );
  const e = keyed(r);
  expect(e.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'input.name',
    messageKey: 'field.required',
    params: { label: 'name' },
  });
  expect(e.message).toBe('Navn må fylles ut.');
  const fields = e.extensions.fields as { field: string; messageKey: string; params: Record<string, unknown> }[];
  expect(fields.find((f) => f.field === 'input.note')).toMatchObject({
    messageKey: 'field.tooLong',
    params: { label: 'note', max: 4000 },
  });
  expect(await app.ds.query(`SELECT 1 FROM crisis_centre WHERE name = ' '`)).toEqual([]);
});

it('personal data in free text: PERSONAL_DATA_IN_FREE_TEXT with the kind as key and the field as label', async () => {
  const [centre] = await app.ds.query(`SELECT id FROM crisis_centre ORDER BY name LIMIT 1`);
  const r = await app.gql(
    `mutation($id: ID!) { updateCrisisCentre(id: $id, input: { note: "Gjelder 15038510190" }) { id } }`,
    {
      id: centre.id,
    },
  );
  const e = keyed(r);
  expect(e.extensions).toMatchObject({
    code: 'PERSONAL_DATA_IN_FREE_TEXT',
    field: 'input.note',
    kind: 'NATIONAL_ID',
    messageKey: 'personalData.NATIONAL_ID',
    params: { label: 'note' },
  });
  expect(e.message).toMatch(/^Merknad ser ut til å inneholde et fødselsnummer\./);
});

it('domain rules: a kommunenummer rule and a cost-model rule come with key and params', async () => {
  const k = keyed(await app.gql(`query { municipality(kommunenummer: "9901") { name } }`));
  expect(k.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    messageKey: 'kommunenummer.UNKNOWN_COUNTY',
    params: {},
  });

  const [agreement] = await app.ds.query(
    `SELECT a.id FROM agreement a JOIN crisis_centre c ON c.id = a.centre_id WHERE c.name = 'Krisesenteret Asker, Bærum og Lier' LIMIT 1`,
  );
  const r = await app.gql(
    `mutation($id: ID!) { setAgreementCostTerms(agreementId: $id, terms: { model: FIXED_SHARES, shares: [{ kommunenummer: "3201", value: 6000 }, { kommunenummer: "1804", value: 4000 }] }) { id } }`,
    { id: agreement.id },
  );
  const e = keyed(r);
  expect(e.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'terms.sharesBp',
    messageKey: 'cost.shareForNonParty',
    params: { kommunenummer: '1804' },
  });
  expect(e.message).toBe('Andel oppgitt for en kommune som ikke er part: 1804.');
});

it('NOT_FOUND: the entity, the key and the message key', async () => {
  const e = keyed(await app.gql(`query { municipality(kommunenummer: "1899") { name } }`));
  expect(e.extensions).toMatchObject({
    code: 'NOT_FOUND',
    entity: 'Municipality',
    key: '1899',
    messageKey: 'kommunenummer.notFound',
    params: { kommunenummer: '1899' },
  });
});

it('CONFLICT on a stale version: the record named by a label key, both versions as params', async () => {
  const [party] = await app.ds.query(
    `SELECT id, version FROM agreement_party WHERE role = 'partner' AND left_on IS NULL ORDER BY id LIMIT 1`,
  );
  const r = await app.gql(
    `mutation($id: ID!, $v: Int) { updateAgreementParty(id: $id, input: { note: "Sjekket" }, expectedVersion: $v) { id } }`,
    { id: party.id, v: party.version - 1 },
  );
  const e = keyed(r);
  expect(e.extensions).toMatchObject({
    code: 'CONFLICT',
    messageKey: 'version.stale',
    params: { entity: 'theParty', expected: party.version - 1, current: party.version },
  });
  expect(e.message).toBe(
    `Noen andre har endret parten etter at du åpnet den (versjon ${party.version - 1}, nå ${party.version}). Se endringene og prøv igjen.`,
  );
});

it("GraphQL's own refusal of a variable gets a generic key (its message is GraphQL's)", async () => {
  const r = await app.gql(`query($k: String!) { municipality(kommunenummer: $k) { name } }`, { k: 1804 });
  const e = r.errors?.[0] as Err;
  expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'field.coercion', params: {} });
});
