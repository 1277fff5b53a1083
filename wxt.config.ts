import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Terser (two passes) packs the bundles tighter than Vite's default esbuild minifier: the
  // content script, injected into every papers page, must stay within 40 kB (README, Benchmarks).
  vite: () => ({ build: { minify: 'terser', terserOptions: { compress: { passes: 2 } } } }),
  manifest: ({ browser }) => ({
    name: 'Papers Inbox',
    description:
      'New / unread / read for Hugging Face Daily Papers, a reading list and topic filters. Local only.',
    permissions: ['storage', 'alarms'],
    host_permissions: ['https://huggingface.co/*'],
    action: { default_title: 'Papers Inbox' },
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
