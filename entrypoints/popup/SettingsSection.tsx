import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/store/db';
import { useClient } from '../../components/page-services';
import { BadgeMode, CardOrder, DEFAULT_SETTINGS, ReadCardStyle, type Settings, type SettingsPatch } from '../../lib/settings';
import { ChoiceSetting } from '../../components/ChoiceSetting';
import { Toggle } from '../../components/Toggle';
import { ErrorText } from '../../components/ErrorText';
import { errorMessage } from '../../components/error-message';
import { SyncSetting } from './SyncSetting';

const BADGE_LABEL: Record<Settings['badge'], string> = { off: 'Off', page: 'This page', today: 'Today', 'for-you': 'For you today' };
const READ_LABEL: Record<Settings['readCards'], string> = { subdued: 'Subdued', unchanged: 'Unchanged', hidden: 'Hidden' };
const ORDER_LABEL: Record<Settings['cardOrder'], string> = { hf: "Hugging Face's order", 'for-you': 'For you, best first' };

/** The settings, compact behind a disclosure. Reads Dexie; writes go through the background. */
export function SettingsSection() {
  const { send } = useClient();
  // Over the defaults: a row written before a setting existed (sync, say) lacks it.
  const settings = useLiveQuery(async (): Promise<Settings> => ({ ...DEFAULT_SETTINGS, ...(await getDb().settings.get('settings'))?.value }), []);
  const [error, setError] = useState<string | null>(null);
  if (!settings) return null;
  const patch = (p: SettingsPatch) =>
    send({ type: 'update-settings', patch: p }).then(() => setError(null), (e: unknown) => setError(errorMessage(e)));
  return (
    <details className="pi-card">
      <summary>Settings</summary>
      <div className="pi-form" style={{ marginTop: '0.5rem' }}>
        <ChoiceSetting label="Toolbar badge" options={BadgeMode.options} labels={BADGE_LABEL} value={settings.badge} onChange={(badge) => void patch({ badge })} />
        <Toggle
          label="Mark read when scrolled past"
          checked={settings.markReadOnScrollPast}
          onChange={(on) => void patch({ markReadOnScrollPast: on })}
        />
        <ChoiceSetting label="Read cards" options={ReadCardStyle.options} labels={READ_LABEL} value={settings.readCards} onChange={(readCards) => void patch({ readCards })} />
        <ChoiceSetting label="Papers order" options={CardOrder.options} labels={ORDER_LABEL} value={settings.cardOrder} onChange={(cardOrder) => void patch({ cardOrder })} />
        <SyncSetting on={settings.sync} onChange={(on) => void patch({ sync: on })} />
        <ErrorText message={error} />
      </div>
    </details>
  );
}
