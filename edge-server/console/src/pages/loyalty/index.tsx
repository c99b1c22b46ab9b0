import { PageHeader } from '../../components/page-header';
import { can } from '../../lib/roles';
import { useAuth } from '../../lib/use-auth';
import { EarnRulesPanel } from './earn-rules-panel';
import { SettingsPanel } from './settings-panel';
import { TiersPanel } from './tiers-panel';

/** The program's rules: earn rate and expiry (admin), tiers and earn rules (admin, marketer). */
export default function LoyaltyPage() {
  const { user } = useAuth();
  return (
    <>
      <PageHeader title="Loyalty program" description="How members earn and keep points, and what each tier gives. Changes apply to purchases from now on; past points keep their dates." />
      <SettingsPanel editable={can(user?.role, 'loyalty.settings')} />
      <TiersPanel editable={can(user?.role, 'campaigns.edit')} />
      <EarnRulesPanel editable={can(user?.role, 'campaigns.edit')} />
    </>
  );
}
