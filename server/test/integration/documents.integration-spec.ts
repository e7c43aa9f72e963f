import express from 'express';
import JSZip from 'jszip';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { documentsRouter } from '../../src/modules/documents/documents.router';
import { createTestApp, type TestApp } from '../utils/test-app';

let app: TestApp;
let server: Server;
let base: string;
let AGREEMENT: string;

beforeAll(async () => {
  app = await createTestApp({ label: 'documents' });
  AGREEMENT = (await app.ds.query(`SELECT id FROM agreement WHERE seed_key = 'agreement:Krisesenteret i Salten'`))[0]
    .id;
  const http = express();
  http.use('/documents', documentsRouter(app.ds));
  server = await new Promise<Server>((resolve) => {
    const s = http.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await app?.close();
});

const xmlText = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join('')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

/** The DOCX read back: its paragraphs in order, with their style, and table cells as text. */
async function readDocx(buffer: ArrayBuffer) {
  const zip = await JSZip.loadAsync(buffer);
  expect(Object.keys(zip.files)).toEqual(
    expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'docProps/core.xml']),
  );
  const xml = await zip.file('word/document.xml')!.async('string');
  const body = xml.slice(xml.indexOf('<w:body>'));
  const paragraphs = [...body.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)].map((m) => {
    const inner = m[1] ?? m[2];
    return { style: /<w:pStyle w:val="([^"]+)"\/>/.exec(inner)?.[1] ?? null, text: xmlText(inner) };
  });
  return {
    paragraphs,
    headings: paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text),
    title: paragraphs.find((p) => p.style === 'Title')?.text,
  };
}

/** The text between a heading and the next. */
const under = (ps: { style: string | null; text: string }[], heading: string) => {
  const i = ps.findIndex((p) => p.style === 'Heading1' && p.text === heading);
  const j = ps.findIndex((p, k) => k > i && p.style === 'Heading1');
  return ps.slice(i + 1, j < 0 ? undefined : j).map((p) => p.text);
};

describe('the agreement as DOCX', () => {
  it('opens as a Word document with the nine headings and the checklist, missing parts marked «mangler»', async () => {
    const res = await fetch(`${base}/documents/agreement/${AGREEMENT}.docx?year=2025`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="avtale-.*\.docx"/);
    const { headings, paragraphs, title } = await readDocx(await res.arrayBuffer());
    const [a] = await app.ds.query(`SELECT title FROM agreement WHERE id = $1`, [AGREEMENT]);
    expect(title).toBe(a.title);
    // The headings (pinned in packages/domain/src/agreement-document.spec.ts) are those of the model, in order.
    const model = (
      await app.gql(`query($id: ID!) { agreementDocument(id: $id, year: 2025) { sections { heading } } }`, {
        id: AGREEMENT,
      })
    ).data!.agreementDocument;
    expect(headings).toEqual(model.sections.map((x: { heading: string }) => x.heading));
    expect(headings).toHaveLength(10);
    expect(headings[7]).toBe('8. Tvister');
    expect(under(paragraphs, '8. Tvister')).toContain(
      'mangler: hvordan uenighet om avtalen løses (tvisteløsning er ikke registrert i Samordna)',
    );
    // The year's figures per municipality, as the cost engine computes them.
    const d = (
      await app.gql(
        `query($c: ID!) { costDistribution(centreId: $c, year: 2025) { modelLabel parties { municipality { name } allocatedOre } } }`,
        { c: (await app.ds.query(`SELECT centre_id FROM agreement WHERE id = $1`, [AGREEMENT]))[0].centre_id },
      )
    ).data!.costDistribution;
    const cost = under(paragraphs, '4. Kostnadsfordeling').join('\n');
    expect(cost).toContain(`Modell: ${d.modelLabel}.`);
    const fauske = d.parties.find((p: any) => p.municipality.name === 'Fauske');
    expect(cost).toContain(
      `kr\u00a0${new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 }).format(fauske.allocatedOre / 100)}`,
    );
    // The summary at the top names every section with something missing.
    expect(paragraphs.find((p) => p.text.startsWith('Utkastet mangler opplysninger under:'))!.text).toContain(
      '8. Tvister',
    );
  });

  it('a heading the agreement lacks is «mangler» in the draft, and comes back when the data is there', async () => {
    const [{ legal_basis }] = await app.ds.query(`SELECT legal_basis FROM agreement WHERE id = $1`, [AGREEMENT]);
    try {
      await app.ds.query(`UPDATE agreement SET legal_basis = NULL WHERE id = $1`, [AGREEMENT]);
      let doc = await readDocx(
        await (await fetch(`${base}/documents/agreement/${AGREEMENT}.docx?year=2025`)).arrayBuffer(),
      );
      expect(under(doc.paragraphs, '2. Formål og rettslig grunnlag')).toContain(
        'mangler: rettslig grunnlag (hjemmel i kommuneloven for samarbeidet)',
      );
      await app.ds.query(`UPDATE agreement SET legal_basis = 'kommuneloven § 20-2' WHERE id = $1`, [AGREEMENT]);
      doc = await readDocx(
        await (await fetch(`${base}/documents/agreement/${AGREEMENT}.docx?year=2025`)).arrayBuffer(),
      );
      expect(under(doc.paragraphs, '2. Formål og rettslig grunnlag')).toContain(
        'Rettslig grunnlag: kommuneloven § 20-2.',
      );
    } finally {
      await app.ds.query(`UPDATE agreement SET legal_basis = $2 WHERE id = $1`, [AGREEMENT, legal_basis]);
    }
  });

  it('a year without figures says so; an unknown agreement is 404, a bad year 400', async () => {
    const doc = await readDocx(
      await (await fetch(`${base}/documents/agreement/${AGREEMENT}.docx?year=2001`)).arrayBuffer(),
    );
    expect(under(doc.paragraphs, '4. Kostnadsfordeling')[0]).toMatch(
      /^mangler: årets tall for kostnadsfordelingen \(.+\)$/,
    );
    expect((await fetch(`${base}/documents/agreement/00000000-0000-4000-8000-000000000000.docx`)).status).toBe(404);
    const bad = await fetch(`${base}/documents/agreement/${AGREEMENT}.docx?year=1800`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });

  it('the same document through GraphQL for the printable page', async () => {
    const r = await app.gql(
      `query($id: ID!) { agreementDocument(id: $id, year: 2025) { title missingSections sections { heading incomplete blocks } } }`,
      { id: AGREEMENT },
    );
    expect(r.errors).toBeUndefined();
    const doc = r.data!.agreementDocument;
    expect(doc.sections).toHaveLength(10);
    expect(doc.missingSections).toContain('8. Tvister');
    expect(doc.sections[7]).toEqual({
      heading: '8. Tvister',
      incomplete: true,
      blocks: [
        { type: 'missing', text: 'hvordan uenighet om avtalen løses (tvisteløsning er ikke registrert i Samordna)' },
      ],
    });
  });
});

describe('an amendment’s version with the changes marked', () => {
  it('shows removed text struck through and new text underlined, in DOCX and through GraphQL', async () => {
    const [{ notice_months }] = await app.ds.query(`SELECT notice_months FROM agreement WHERE id = $1`, [AGREEMENT]);
    const months = (notice_months ?? 6) + 1;
    const [x] = await app.ds.query(
      `INSERT INTO agreement_amendment (agreement_id, summary, effective_on, changes, leaving, joining) VALUES ($1, 'Lengre oppsigelse', '2027-01-01', $2, '{1840}', '{1868}') RETURNING id`,
      [AGREEMENT, JSON.stringify({ noticeMonths: months })],
    );
    try {
      const r = await app.gql(
        `query($id: ID!, $x: ID) { agreementDocument(id: $id, year: 2025, amendmentId: $x) { subtitle sections { key blocks } } }`,
        { id: AGREEMENT, x: x.id },
      );
      expect(r.errors).toBeUndefined();
      const doc = r.data!.agreementDocument;
      expect(doc.subtitle).toContain('Endringsforslag: Lengre oppsigelse');
      const duration = doc.sections.find((s: any) => s.key === 'DURATION_NOTICE').blocks;
      expect(duration).toContainEqual({
        type: 'change',
        change: 'inserted',
        block: { type: 'paragraph', text: 'Avtalen gjelder fra 01.01.2027.' },
      });
      expect(
        duration.find((b: any) => b.change === 'inserted' && b.block.text.startsWith('Oppsigelsesfristen')).block.text,
      ).toContain(`${months} måneder`);
      const parties = doc.sections.find((s: any) => s.key === 'PARTIES').blocks;
      const newTable = parties.find((b: any) => b.change === 'inserted' && b.block.type === 'table').block;
      const names = newTable.rows.map((row: string[]) => row[0]);
      expect(names).toContain('Øksnes');
      expect(names).not.toContain('Saltdal');

      const res = await fetch(`${base}/documents/agreement/${AGREEMENT}.docx?year=2025&amendmentId=${x.id}`);
      expect(res.status).toBe(200);
      const zip = await JSZip.loadAsync(await res.arrayBuffer());
      const xml = await zip.file('word/document.xml')!.async('string');
      expect(xml).toContain('[Utgår]');
      expect(xml).toContain('[Nytt]');
      expect(xml).toMatch(/<w:strike\/>|<w:strike w:val="true"\/>/);
      expect(xml).toMatch(/<w:u w:val="single"\/>/);
      expect(
        (await fetch(`${base}/documents/agreement/${AGREEMENT}.docx?amendmentId=00000000-0000-4000-8000-000000000000`))
          .status,
      ).toBe(404);
    } finally {
      await app.ds.query(`DELETE FROM agreement_amendment WHERE id = $1`, [x.id]);
    }
  });
});
