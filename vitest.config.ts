import { defineConfig } from 'vitest/config';

// CI (.ci/run) sets PI_REPORT_DIR to add a JSON report it sums into one 'N passed, N failed' line.
const reportDir = process.env.PI_REPORT_DIR;
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests: Node + happy-dom, fake-indexeddb, WXT's fake browser.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/unit.json` }]] : ['default'],
    include: ['tests/unit/**/*.test.ts', 'tests/component/**/*.test.tsx'],
    environment: 'happy-dom',
    setupFiles: ['tests/setup.ts'],
    globals: true,
    restoreMocks: true,
  },
});
