import { useId, useState } from 'react';
import { useClient } from '../../components/page-services';
import type { RestoreSummary } from '../../lib/messages';
import { getDb } from '../../lib/store/db';
import { createBackup, serializeBackup } from '../../lib/export/backup';
import { downloadText } from '../../components/download';
import { ErrorText } from '../../components/ErrorText';
import { errorMessage } from '../../components/error-message';
import { isoDay } from '../../lib/export/common';

/** "Restored: 12 papers added, 3 updated, 5 saved added, …" */
export function restoreSentence(s: RestoreSummary): string {
  const parts = [
    `${s.papersAdded} papers added`,
    `${s.papersUpdated} updated`,
    `${s.savedAdded} saved added`,
    `${s.savedUpdated} saved updated`,
    `${s.filtersAdded} filters added`,
    `${s.filtersUpdated} filters updated`,
  ];
  if (s.settingsRestored) parts.push('settings restored');
  const off = s.filtersSwitchedOff.map((f) => ` The filter "${f.pattern}" was restored switched off: ${f.error}`);
  return `Restored: ${parts.join(', ')}.${off.join('')}`;
}

/**
 * Backup reads Dexie directly (reads are allowed here); restore goes through the background,
 * which validates the whole file before changing anything.
 */
export function BackupBar() {
  const { send } = useClient();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();

  const backUp = async () => {
    setError(null);
    try {
      const now = Date.now();
      const backup = await createBackup(getDb(), now);
      downloadText(`papers-inbox-backup-${isoDay(now)}.json`, serializeBackup(backup), 'application/json;charset=utf-8');
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const restore = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setMessage(null);
    setError(null);
    try {
      const text = await file.text();
      const summary = await send({ type: 'restore-backup', text });
      setMessage(restoreSentence(summary));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      // Allow choosing the same file again after fixing it.
      input.value = '';
    }
  };

  return (
    <div className="pi-tools" role="group" aria-label="Backup">
      <button type="button" onClick={() => void backUp()}>Back up everything</button>
      <label htmlFor={inputId}>Restore from backup file</label>
      <input
        id={inputId}
        type="file"
        accept="application/json,.json"
        disabled={busy}
        onChange={(e) => void restore(e.currentTarget)}
      />
      {message && <p role="status">{message}</p>}
      <ErrorText message={error} />
    </div>
  );
}
