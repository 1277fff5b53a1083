import { applyTopicFilters } from '../../lib/filters/match';
import { startPapersInbox } from '../../lib/content/start';
import '../../lib/content/styles.css';

/** Thin entry: everything lives in lib/content and is torn down through WXT's ctx. */
export default defineContentScript({
  matches: ['https://huggingface.co/papers*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    startPapersInbox({
      life: {
        signal: ctx.signal,
        setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
        requestAnimationFrame: (handler) => ctx.requestAnimationFrame(handler),
      },
      applyFilters: applyTopicFilters,
      stop: () => ctx.abort(),
      onLocationChange: (handler) => ctx.addEventListener(window, 'wxt:locationchange', handler),
    });
  },
});
