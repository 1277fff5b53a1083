import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Papers Inbox',
    description:
      'New / unread / read for Hugging Face Daily Papers, a reading list and topic filters. Local only.',
    permissions: ['storage', 'alarms'],
    host_permissions: ['https://huggingface.co/*'],
    action: { default_title: 'Papers Inbox' },
  },
});
