import { defineConfig } from 'vitest/config';

// CI (.ci/run) sets PI_REPORT_DIR to add a JSON report it sums into one 'N passed, N failed' line.
const reportDir = process.env.PI_REPORT_DIR;

// End-to-end: the built extension (.output/chrome-mv3) in Debian's Chromium via playwright-core.
export default defineConfig({
  test: {
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/e2e.json` }]] : ['default'],
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One Chromium at a time on a 2-core machine; each file launches its own profile.
    fileParallelism: false,
  },
});
