import { useMemo } from 'react';
import { EXPERIMENTAL_Suggestion as Suggestion, Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';
import { municipalityLabeller, type NamedMunicipality } from '../lib/municipalityLabel';

interface Props {
  id: string;
  label: string;
  municipalities: readonly NamedMunicipality[];
  /** The chosen kommunenummer, '' for none. */
  value: string;
  onChange(kommunenummer: string): void;
  error?: string;
  description?: string;
}

/**
 * A searchable municipality field (a WAI-ARIA combobox: Designsystemet's Suggestion, built on
 * u-elements): type part of the name or the number, arrow keys through the matches, Enter chooses,
 * Escape closes. The county follows a name more than one municipality has («Herøy (Nordland)»).
 */
export function MunicipalityCombobox({ id, label, municipalities, value, onChange, error, description }: Props) {
  const { t } = useI18n();
  const labelOf = useMemo(() => municipalityLabeller(municipalities), [municipalities]);
  const chosen = municipalities.find((m) => m.kommunenummer === value);
  const selected = chosen ? { value: chosen.kommunenummer, label: labelOf(chosen) } : null;
  return (
    <Field data-testid={`${id}-field`}>
      <Label htmlFor={id}>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Suggestion
        selected={selected}
        onSelectedChange={(item) => onChange(item?.value ?? '')}
        // The name, or the start of the number: «herø», «1515».
        filter={({ label: text, value: number, input }) => {
          const q = input.value.trim().toLocaleLowerCase('nb');
          return q === '' || text.toLocaleLowerCase('nb').includes(q) || number.startsWith(q);
        }}
      >
        <Suggestion.Input id={id} aria-invalid={error ? true : undefined} />
        <Suggestion.Clear aria-label={t('combobox.clear')} />
        <Suggestion.List singular={t('combobox.one')} plural={t('combobox.many')}>
          <Suggestion.Empty>{t('combobox.empty')}</Suggestion.Empty>
          {municipalities.map((m) => (
            <Suggestion.Option key={m.kommunenummer} value={m.kommunenummer} label={labelOf(m)}>
              {labelOf(m)}
            </Suggestion.Option>
          ))}
        </Suggestion.List>
      </Suggestion>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
