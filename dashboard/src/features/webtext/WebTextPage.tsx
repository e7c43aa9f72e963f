import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Textarea } from '@digdir/designsystemet-react';
import { QueryState } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { useCodeText } from '../../i18n/codes';
import { formatDate } from '../../lib/format';
import { MunicipalityWebTextQuery } from './webtext.graphql';

type Language = 'NB' | 'NN';

/** «Krisesentertilbudet i X kommune»: the text for the municipality's web site, to copy as plain text or HTML. */
export default function WebTextPage() {
  const { kommunenummer = '' } = useParams();
  const { t } = useI18n();
  const codes = useCodeText();
  const [language, setLanguage] = useState<Language | null>(null);
  const [copied, setCopied] = useState<'text' | 'html' | 'failed' | null>(null);
  const [result, reexecute] = useQuery({ query: MunicipalityWebTextQuery, variables: { kommunenummer, language } });
  const w = result.data?.municipalityWebText;
  if (result.error || !w) return <QueryState result={result} reexecute={reexecute} heading />;
  const copy = async (what: 'text' | 'html') => {
    try {
      await navigator.clipboard.writeText(what === 'text' ? w.text : w.html);
      setCopied(what);
    } catch {
      setCopied('failed');
    }
  };
  return (
    <>
      <Paragraph data-size="sm">
        <RouterLink to="/kommuner">← {t('webtext.back')}</RouterLink>
      </Paragraph>
      <Heading level={1}>{t('webtext.heading', { title: w.title })}</Heading>
      <Paragraph>{t('webtext.intro')}</Paragraph>
      <Field>
        <Label htmlFor="webtext-language">{t('webtext.language')}</Label>
        <Select id="webtext-language" value={w.language} onChange={(e) => setLanguage(e.target.value as Language)}>
          <Select.Option value="NB">{t('webtext.nb')}</Select.Option>
          <Select.Option value="NN">{t('webtext.nn')}</Select.Option>
        </Select>
      </Field>
      {w.gapCodes.length > 0 && (
        <Alert data-color="warning" data-testid="webtext-gaps">
          <Heading level={2} data-size="xs">
            {t('webtext.gaps')}
          </Heading>
          <ul>
            {w.gapCodes.map((g) => (
              <li key={g}>{codes.webTextGap(g)}</li>
            ))}
          </ul>
        </Alert>
      )}
      {/* The text itself is for the municipality's site: bokmål or nynorsk whatever the UI language. */}
      <Textarea
        aria-label={t('webtext.plain')}
        lang={w.language === 'NN' ? 'nn' : 'nb'}
        readOnly
        rows={18}
        value={w.text}
        data-testid="webtext-text"
      />
      <div className="button-row">
        <Button variant="primary" onClick={() => void copy('text')}>
          {t('webtext.copyText')}
        </Button>
        <Button variant="secondary" onClick={() => void copy('html')}>
          {t('webtext.copyHtml')}
        </Button>
      </div>
      <p role="status" className="muted">
        {copied === 'failed' ? t('webtext.copyFailed') : copied ? t('webtext.copied') : ''}
      </p>
      <Paragraph data-size="sm">{t('webtext.updated', { date: formatDate(w.updatedOn) })}</Paragraph>
    </>
  );
}
