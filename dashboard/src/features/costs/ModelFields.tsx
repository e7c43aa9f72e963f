import { Textfield } from '@digdir/designsystemet-react';
import type { ParamField } from '@samordna/domain';
import { useI18n } from '../../i18n/i18n';

const LABEL = {
  rateOre: 'sim.rate',
  hostRateOre: 'sim.hostRate',
  hostShareBp: 'sim.hostShare',
  baseOre: 'sim.base',
  usageWeightBp: 'sim.usageWeight',
} as const satisfies Record<ParamField, string>;

/**
 * A cost model's typed parameters as decimal fields, alike in the simulator and in the cost terms
 * form: `value` is what is typed, `onChange` takes the new text, `error` the message for a field.
 */
export function ParamFields({
  fields,
  value,
  onChange,
  error,
}: {
  fields: readonly ParamField[];
  value: (f: ParamField) => string;
  onChange: (f: ParamField, text: string) => void;
  error: (f: ParamField) => string | undefined;
}) {
  const { t } = useI18n();
  return fields.map((f) => (
    <Textfield
      key={f}
      label={t(LABEL[f])}
      inputMode="decimal"
      value={value(f)}
      onChange={(e) => onChange(f, e.target.value)}
      error={error(f)}
    />
  ));
}
