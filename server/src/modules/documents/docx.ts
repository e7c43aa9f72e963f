import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { MISSING, type AgreementDocument, type DocumentBlock } from '@samordna/domain';

const RED = 'B00020';

const BLUE = '1F4E9A';

function block(b: DocumentBlock): (Paragraph | Table)[] {
  switch (b.type) {
    case 'change': {
      // An amendment's change: a label, then the text underlined (new) or struck through (removed).
      const inserted = b.change === 'inserted';
      const label = new Paragraph({
        children: [new TextRun({ text: inserted ? '[Nytt]' : '[Utgår]', bold: true, color: inserted ? BLUE : RED })],
      });
      if (b.block.type === 'paragraph') {
        return [
          label,
          new Paragraph({
            children: [
              new TextRun({
                text: b.block.text,
                underline: inserted ? {} : undefined,
                strike: !inserted,
                color: inserted ? BLUE : RED,
              }),
            ],
            spacing: { after: 120 },
          }),
        ];
      }
      return [label, ...block(b.block)];
    }
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun(b.text)], spacing: { after: 120 } })];
    case 'list':
      return b.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case 'missing':
      // «mangler» stands out in the draft: bold, red, highlighted.
      return [
        new Paragraph({
          children: [
            new TextRun({ text: `${MISSING}: `, bold: true, color: RED, highlight: 'yellow' }),
            new TextRun({ text: b.text, color: RED }),
          ],
          spacing: { after: 120 },
        }),
      ];
    case 'table': {
      const cell = (text: string, bold = false) =>
        new TableCell({
          children: [
            new Paragraph({ children: [new TextRun({ text, bold, color: text === MISSING ? RED : undefined })] }),
          ],
        });
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: b.header.map((h) => cell(h, true)) }),
            ...b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
          ],
        }),
        new Paragraph({ text: '' }),
      ];
    }
  }
}

/** The agreement document as DOCX (Word, LibreOffice): title, the sections as Heading 1, tables with header rows. */
export async function agreementDocx(doc: AgreementDocument, generatedOn: string): Promise<Buffer> {
  const document = new Document({
    creator: 'Samordna',
    title: doc.title,
    description: 'Utkast til samarbeidsavtale generert fra avtaledataene i Samordna',
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
          new Paragraph({
            children: [new TextRun({ text: `${doc.subtitle} · ${generatedOn}`, italics: true })],
            spacing: { after: 240 },
          }),
          ...(doc.missingSections.length
            ? [
                new Paragraph({
                  border: {
                    top: { style: BorderStyle.SINGLE, size: 6, color: RED },
                    bottom: { style: BorderStyle.SINGLE, size: 6, color: RED },
                  },
                  alignment: AlignmentType.LEFT,
                  children: [
                    new TextRun({
                      text: `Utkastet ${MISSING} opplysninger under: ${doc.missingSections.join('; ')}.`,
                      bold: true,
                      color: RED,
                    }),
                  ],
                }),
              ]
            : []),
          ...doc.sections.flatMap((s) => [
            new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_1, spacing: { before: 240 } }),
            ...s.blocks.flatMap(block),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
