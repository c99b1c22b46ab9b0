import { PageHeader } from '../../components/page-header';
import { can } from '../../lib/roles';
import { useAuth } from '../../lib/use-auth';
import { routeTitle } from '../../lib/route-title';
import { useT } from '../../lib/use-t';
import { EarnRulesPanel } from './earn-rules-panel';
import { SettingsPanel } from './settings-panel';
import { TiersPanel } from './tiers-panel';

/** The program's rules: earn rate and expiry (admin), tiers and earn rules (admin, marketer). */
export default function LoyaltyPage() {
  const { t } = useT();
  const { user } = useAuth();
  return (
    <>
      <PageHeader title={routeTitle({ id: 'loyalty', title: 'Loyalty program' }, t)} description={t('loyalty.description')} />
      <SettingsPanel editable={can(user?.role, 'loyalty.settings')} />
      <TiersPanel editable={can(user?.role, 'campaigns.edit')} />
      <EarnRulesPanel editable={can(user?.role, 'campaigns.edit')} />
    </>
  );
}
