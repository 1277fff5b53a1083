import { existsSync } from 'node:fs';
import path from 'node:path';

const CHROMIUM = '/usr/bin/chromium';
const MANIFEST = path.resolve(import.meta.dirname, '../../.output/chrome-mv3/manifest.json');

/** The e2e suite never skips: without Chromium or a build it fails, saying what to do. */
export default function setup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      'Chromium not found at /usr/bin/chromium: install it with `apt-get install -y chromium` — the e2e suite does not skip.',
    );
  }
  if (!existsSync(MANIFEST)) {
    throw new Error(
      `The built extension is missing (${MANIFEST}): run \`npx wxt build\` first (\`npm run test:e2e\` does) — the e2e suite does not skip.`,
    );
  }
}
