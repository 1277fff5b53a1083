import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/store/db';
import { send } from '../../lib/client';
import { BadgeMode, CardOrder, DEFAULT_SETTINGS, ReadCardStyle, type Settings, type SettingsPatch } from '../../lib/settings';
import { Toggle } from '../../components/Toggle';
import { ErrorText } from '../../components/ErrorText';
import { errorMessage } from '../../components/error-message';
import { SyncSetting } from './SyncSetting';

const BADGE_LABEL: Record<Settings['badge'], string> = { off: 'Off', page: 'This page', today: 'Today', 'for-you': 'For you today' };
const READ_LABEL: Record<Settings['readCards'], string> = { subdued: 'Subdued', unchanged: 'Unchanged', hidden: 'Hidden' };
const ORDER_LABEL: Record<Settings['cardOrder'], string> = { hf: "Hugging Face's order", 'for-you': 'For you, best first' };

/** The settings, compact behind a disclosure. Reads Dexie; writes go through the background. */
export function SettingsSection() {
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
        <label>
          <span>Toolbar badge</span>
          <select value={settings.badge} onChange={(e) => void patch({ badge: BadgeMode.parse(e.currentTarget.value) })}>
            {BadgeMode.options.map((m) => <option key={m} value={m}>{BADGE_LABEL[m]}</option>)}
          </select>
        </label>
        <Toggle
          label="Mark read when scrolled past"
          checked={settings.markReadOnScrollPast}
          onChange={(on) => void patch({ markReadOnScrollPast: on })}
        />
        <label>
          <span>Read cards</span>
          <select value={settings.readCards} onChange={(e) => void patch({ readCards: ReadCardStyle.parse(e.currentTarget.value) })}>
            {ReadCardStyle.options.map((m) => <option key={m} value={m}>{READ_LABEL[m]}</option>)}
          </select>
        </label>
        <label>
          <span>Papers order</span>
          <select value={settings.cardOrder} onChange={(e) => void patch({ cardOrder: CardOrder.parse(e.currentTarget.value) })}>
            {CardOrder.options.map((m) => <option key={m} value={m}>{ORDER_LABEL[m]}</option>)}
          </select>
        </label>
        <SyncSetting on={settings.sync} onChange={(on) => void patch({ sync: on })} />
        <ErrorText message={error} />
      </div>
    </details>
  );
}
