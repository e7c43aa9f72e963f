import type React from 'react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { MISSING, type DocumentBlock } from '@samordna/domain';
import { Loading, QueryError } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { AgreementDocumentQuery } from './documents.graphql';

function Block({ block }: { block: DocumentBlock }): React.ReactElement {
  switch (block.type) {
    case 'change':
      return block.change === 'inserted' ? (
        <ins className="doc-change" data-change="inserted">
          <Block block={block.block} />
        </ins>
      ) : (
        <del className="doc-change" data-change="deleted">
          <Block block={block.block} />
        </del>
      );
    case 'paragraph':
      return <Paragraph>{block.text}</Paragraph>;
    case 'list':
      return (
        <ul>
          {block.items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      );
    case 'missing':
      return (
        <Paragraph className="doc-missing">
          <mark>{MISSING}:</mark> {block.text}
        </Paragraph>
      );
    case 'table':
      return (
        <div className="table-scroll" role="region" aria-label={block.header.join(', ')} tabIndex={0}>
          <Table data-size="sm" border>
            <thead>
              <tr>
                {block.header.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) => (
                    <td key={j}>{c === MISSING ? <mark>{c}</mark> : c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      );
  }
}

/** The agreement as a printable document, with the DOCX to download for Word. */
export default function AgreementDocumentPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [params] = useSearchParams();
  const amendmentId = params.get('endring');
  const [result, reexecute] = useQuery({ query: AgreementDocumentQuery, variables: { id, amendmentId } });
  if (result.error)
    return <QueryError error={result.error} heading onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const doc = result.data?.agreementDocument;
  if (!doc) return <Loading />;
  return (
    <article className="agreement-document">
      <Paragraph data-size="sm" className="no-print">
        <RouterLink to={`/avtaler/${id}`}>← {t('document.back')}</RouterLink>
      </Paragraph>
      <div className="button-row no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('document.print')}
        </Button>
        <a
          className="ds-button"
          data-variant="secondary"
          href={`/documents/agreement/${id}.docx${amendmentId ? `?amendmentId=${amendmentId}` : ''}`}
          download
        >
          {t('document.docx')}
        </a>
      </div>
      <Heading level={1}>{doc.title}</Heading>
      <Paragraph data-size="sm">
        <em>{doc.subtitle}</em>
      </Paragraph>
      {doc.missingSections.length > 0 && (
        <Alert data-color="warning" data-testid="document-missing">
          {t('document.missing', { sections: doc.missingSections.join('; ') })}
        </Alert>
      )}
      {doc.sections.map((s) => (
        <section key={s.key} aria-labelledby={`doc-${s.key}`}>
          <Heading level={2} data-size="sm" id={`doc-${s.key}`}>
            {s.heading}
          </Heading>
          {(s.blocks as DocumentBlock[]).map((b, i) => (
            <Block key={i} block={b} />
          ))}
        </section>
      ))}
    </article>
  );
}
