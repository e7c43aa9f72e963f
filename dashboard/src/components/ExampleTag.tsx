import { Tag } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';

/** «Eksempel»: marks made-up seed data. `show` for fields that may or may not be examples. */
export function ExampleTag({ show = true, className = 'example-tag' }: { show?: boolean; className?: string }) {
  const { t } = useI18n();
  return show ? (
    <Tag data-size="sm" data-color="warning" className={className}>
      {t('common.example')}
    </Tag>
  ) : null;
}
