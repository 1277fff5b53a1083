import { existsSync } from 'node:fs';
import path from 'node:path';

const BUILD = path.resolve(import.meta.dirname, '../../.output');
const NEEDS = [
  { file: '/usr/bin/chromium', missing: 'Chromium not found at /usr/bin/chromium: install it with `apt-get install -y chromium`' },
  { file: '/usr/bin/firefox-esr', missing: 'Firefox ESR not found at /usr/bin/firefox-esr: install it with `apt-get install -y firefox-esr`' },
  { file: path.join(BUILD, 'chrome-mv3/manifest.json'), missing: 'The Chrome build is missing (.output/chrome-mv3): run `npx wxt build` first (`npm run test:e2e` does)' },
  { file: path.join(BUILD, 'firefox-mv2/manifest.json'), missing: 'The Firefox build is missing (.output/firefox-mv2): run `npx wxt build -b firefox` first (`npm run test:e2e` does)' },
];

/** The e2e suite never skips: without a browser or a build it fails, saying what to do. */
export default function setup(): void {
  const missing = NEEDS.filter((need) => !existsSync(need.file)).map((need) => need.missing);
  if (missing.length > 0) throw new Error(`${missing.join('.\n')}.\nThe e2e suite does not skip.`);
}
