import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM_PATH, EXTENSION_DIR } from './harness';
import { FIREFOX_EXTENSION_DIR, FIREFOX_PATH } from './firefox-harness';

const NEEDS = [
  { file: CHROMIUM_PATH, missing: `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\`` },
  { file: FIREFOX_PATH, missing: `Firefox ESR not found at ${FIREFOX_PATH}: install it with \`apt-get install -y firefox-esr\`` },
  { file: path.join(EXTENSION_DIR, 'manifest.json'), missing: 'The Chrome build is missing (.output/chrome-mv3): run `npx wxt build` first (`npm run test:e2e` does)' },
  { file: path.join(FIREFOX_EXTENSION_DIR, 'manifest.json'), missing: 'The Firefox build is missing (.output/firefox-mv2): run `npx wxt build -b firefox` first (`npm run test:e2e` does)' },
];

/** The e2e suite never skips: without a browser or a build it fails, saying what to do. */
export default function setup(): void {
  const missing = NEEDS.filter((need) => !existsSync(need.file)).map((need) => need.missing);
  if (missing.length > 0) throw new Error(`${missing.join('.\n')}.\nThe e2e suite does not skip.`);
}
