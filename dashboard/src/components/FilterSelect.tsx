import { Field, Label, Select } from '@digdir/designsystemet-react';

/**
 * A labelled select of [value, label] pairs: the filters above a list and the choices in a form.
 * `empty` puts a first option with the value '' («Alle», «Velg …»).
 */
export function FilterSelect({
  id,
  label,
  value,
  onChange,
  options,
  empty,
  disabled,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: readonly (readonly [string, string])[];
  empty?: string;
  disabled?: boolean;
}) {
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {empty !== undefined && <Select.Option value="">{empty}</Select.Option>}
        {options.map(([v, l]) => (
          <Select.Option key={v} value={v}>
            {l}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
