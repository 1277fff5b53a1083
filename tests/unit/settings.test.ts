import { expect, it } from 'vitest';
import { Request } from '../../lib/messages';
import { SettingsPatch } from '../../lib/settings';
import { PapersInboxDb } from '../../lib/store/db';
import { getSettings, updateSettings } from '../../lib/store/repository';

it('a settings patch names only what it changes: the badge leaves sync and the rest alone', async () => {
  expect(SettingsPatch.parse({ badge: 'today' })).toEqual({ badge: 'today' });
  const parsed = Request.parse({ type: 'update-settings', patch: { badge: 'today' } });
  expect(parsed).toEqual({ type: 'update-settings', patch: { badge: 'today' } });
  const db = new PapersInboxDb(`settings-${Math.random()}`);
  await updateSettings(db, { sync: true, markReadOnScrollPast: true, readCards: 'hidden', cardOrder: 'for-you' });
  if (parsed.type !== 'update-settings') throw new Error('not a settings request');
  await updateSettings(db, parsed.patch);
  expect(await getSettings(db)).toEqual({ badge: 'today', sync: true, markReadOnScrollPast: true, readCards: 'hidden', cardOrder: 'for-you' });
  await db.delete();
});
