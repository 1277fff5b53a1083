import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

/** Our slim ContentScriptContext (lib/content/script-context.ts says why). */
const SCRIPT_CONTEXT = fileURLToPath(new URL('./lib/content/script-context.ts', import.meta.url));

/** The vendor chunk a module belongs in (undefined: wherever Rollup puts it). */
function vendorChunk(id: string): string | undefined {
  if (/[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'react';
  if (/[\\/]node_modules[\\/](dexie|dexie-react-hooks)[\\/]/.test(id)) return 'dexie';
  return undefined;
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Terser (two passes) packs the bundles tighter than Vite's default esbuild minifier: the
  // content script, injected into every papers page, must stay within 40 kB (README, Benchmarks).
  vite: () => ({ build: { minify: 'terser', terserOptions: { ecma: 2020, compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true }, format: { ecma: 2020 } } } }),
  hooks: {
    // The extension pages (built together, as ES modules) split React and Dexie into chunks of
    // their own instead of one 291 KB shared chunk, so the popup's first chunk stays small
    // (scripts/check-sizes.ts). The background and the content script are single files.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.type === 'content-script')) {
        config.resolve ??= {};
        config.resolve.alias = [
          ...(Array.isArray(config.resolve.alias) ? config.resolve.alias : Object.entries(config.resolve.alias ?? {}).map(([find, replacement]) => ({ find, replacement }))),
          { find: /^wxt\/utils\/content-script-context$/, replacement: SCRIPT_CONTEXT },
        ];
      }
      if (!entrypoints.some((e) => e.type === 'popup')) return;
      config.build ??= {};
      config.build.rollupOptions ??= {};
      const output = config.build.rollupOptions.output;
      if (Array.isArray(output)) return;
      config.build.rollupOptions.output = { ...output, manualChunks: vendorChunk };
    },
  },
  manifest: ({ browser }) => ({
    name: 'Papers Inbox',
    description:
      'New / unread / read for Hugging Face Daily Papers, a reading list and topic filters. Local only.',
    permissions: ['storage', 'alarms'],
    host_permissions: ['https://huggingface.co/*'],
    action: { default_title: 'Papers Inbox' },
    // The overlay's stylesheet, linked from its shadow root on HF pages only (lib/content/toast.ts).
    web_accessible_resources: [{ resources: ['overlay.css'], matches: ['https://huggingface.co/*'] }],
    // Firefox keys an extension's storage by this id: without one, each temporary install gets a
    // new id and an empty database. It also asks what data leaves the browser: none (from Firefox
    // 140, hence the minimum). Chrome would only warn about the unknown key.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'papers-inbox@papers-inbox.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
