import { startPapersInbox } from '../../lib/content/start';
import '../../lib/content/styles.css';

/**
 * Thin entry: everything lives in lib/content and is torn down through `ctx`. The build makes
 * `ctx` our slim lib/content/script-context.ts (wxt.config.ts); it has WXT's signatures.
 */
export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  // Start before the DOM exists: settings and rules are fetched while the page parses, and the
  // cards are annotated at DOMContentLoaded instead of whenever the browser gets idle.
  runAt: 'document_start',
  cssInjectionMode: 'manifest',
  main(ctx) {
    startPapersInbox({
      life: {
        signal: ctx.signal,
        setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
        requestAnimationFrame: (handler) => ctx.requestAnimationFrame(handler),
      },
      transport: (request) => browser.runtime.sendMessage(request),
      stop: () => ctx.abort(),
      onLocationChange: (handler) => ctx.addEventListener(window, 'wxt:locationchange', handler),
    });
  },
});
