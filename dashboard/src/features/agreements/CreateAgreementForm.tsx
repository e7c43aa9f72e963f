import { useState } from 'react';
import { useMutation } from 'urql';
import { useNavigate } from 'react-router';
import {
  Alert,
  Button,
  Details,
  Field,
  Heading,
  Label,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { SaveButton } from '../../components/SaveButton';
import { fieldErrors, generalError } from '../../lib/errors';
import { CreateAgreementMutation, CreateFromDocumentedMutation } from './agreements.graphql';

/** A new agreement starts as a draft: title, centre and first dates; parties and terms follow on its page. */
export function CreateAgreementForm({ centres }: { centres: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [state, create] = useMutation(CreateAgreementMutation);
  const [fromSources, createFromSources] = useMutation(CreateFromDocumentedMutation);
  const [title, setTitle] = useState('');
  const [centreId, setCentreId] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const errors = fieldErrors(state.error ?? fromSources.error);
  const general = generalError(state.error ?? fromSources.error, t('error.network'));

  return (
    <Details className="create-box">
      <Details.Summary>{t('agreements.new')}</Details.Summary>
      <Details.Content>
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await create({ input: { title, centreId, validFrom: validFrom || null } });
            if (r.data) navigate(`/avtaler/${r.data.createAgreement.id}`);
          }}
        >
          <Heading level={2} data-size="xs">
            {t('agreements.new')}
          </Heading>
          {general && <Alert data-color="danger">{general}</Alert>}
          <Textfield
            label={t('agreement.title')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={errors.title}
          />
          <Field>
            <Label htmlFor="new-centre">{t('agreement.centre')}</Label>
            <Select
              id="new-centre"
              value={centreId}
              onChange={(e) => setCentreId(e.target.value)}
              aria-invalid={!!errors.centreId}
            >
              <Select.Option value="">–</Select.Option>
              {centres.map((c) => (
                <Select.Option key={c.id} value={c.id}>
                  {c.name}
                </Select.Option>
              ))}
            </Select>
            {errors.centreId && <ValidationMessage>{errors.centreId}</ValidationMessage>}
          </Field>
          <Textfield
            label={t('agreement.validFrom')}
            type="date"
            value={validFrom}
            onChange={(e) => setValidFrom(e.target.value)}
            error={errors.validFrom}
          />
          <div className="button-row">
            <SaveButton busy={state.fetching} label={t('agreement.create')} />
            <Button
              type="button"
              variant="secondary"
              disabled={!centreId || fromSources.fetching}
              onClick={async () => {
                const r = await createFromSources({ centreId, title: title || null });
                if (r.data) navigate(`/avtaler/${r.data.createAgreementFromDocumented.id}`);
              }}
            >
              {t('agreements.fromSources')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
