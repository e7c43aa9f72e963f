import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Link as RouterLink } from 'react-router';
import { Alert, Heading } from '@digdir/designsystemet-react';
import { QueryError } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';
import { useSession } from '../auth/session';
import { MyPendingApprovalsQuery } from './agreements.graphql';

/** For a municipal director: the amendments waiting for the municipality's answer, each linked to its agreement. */
export function PendingApprovals() {
  const { t } = useI18n();
  const { grants } = useSession();
  const director = grants.some((g) => g.role === 'DIRECTOR');
  const context = useMemo(() => ({ additionalTypenames: ['AgreementAmendment'] }), []);
  const [result, reexecute] = useQuery({
    query: MyPendingApprovalsQuery,
    pause: !director,
    requestPolicy: 'cache-and-network',
    context,
  });
  if (!director) return null;
  if (result.error)
    return <QueryError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  const items = result.data?.myPendingApprovals ?? [];
  if (items.length === 0) return null;
  return (
    <Alert data-color="info" data-testid="pending-approvals">
      <Heading level={2} data-size="xs">
        {t('amendments.waiting')}
      </Heading>
      <ul>
        {items.map((x) => (
          <li key={x.id}>
            <RouterLink to={`/avtaler/${x.agreement.id}`}>
              {t('amendments.waitingItem', {
                summary: x.summary,
                title: x.agreement.title,
                date: formatDate(x.effectiveOn),
              })}
            </RouterLink>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
