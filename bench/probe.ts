import { launchExtension } from '../tests/e2e/harness';
import { buildTrendingPage, makeItems } from '../tests/fixtures/pages';
const n = Number(process.env.N ?? 1000);
const h = await launchExtension();
h.serviceWorker.on('console', (m) => { if (m.text().startsWith('PIBG')) console.log('   ' + m.text()); });
h.site.serve('/papers/trending', buildTrendingPage(makeItems(n)));
for (let i = 0; i < 4; i++) {
  const page = await h.context.newPage();
  const logs: string[] = [];
  page.on('console', (m) => { if (m.text().startsWith('PI ')) logs.push(m.text()); });
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => console.log('PI dcl ' + performance.now().toFixed(1)));
    new PerformanceObserver((l) => { for (const e of l.getEntries()) console.log(`PI longtask ${e.startTime.toFixed(0)} ${e.duration.toFixed(0)}`); }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('https://huggingface.co/papers/trending', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction((n) => document.querySelectorAll('[data-pi-state]').length >= n, n, { timeout: 60000, polling: 50 });
  await page.waitForTimeout(500);
  console.log(`run ${i}:\n  ` + logs.join('\n  '));
  await page.close();
}
await h.close();
process.exit(0);
