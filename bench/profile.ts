import { writeFileSync } from 'node:fs';
import { launchExtension } from '../tests/e2e/harness';
import { buildTrendingPage, makeItems } from '../tests/fixtures/pages';
const n = Number(process.env.N ?? 1000);
const h = await launchExtension();
h.site.serve('/papers/trending', buildTrendingPage(makeItems(n)));
for (let i = 0; i < 3; i++) {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto('https://huggingface.co/papers/trending', { waitUntil: 'domcontentloaded' });
  await page.waitForFunction((n) => document.querySelectorAll('[data-pi-state]').length >= n, n, { timeout: 60000, polling: 50 });
  await page.waitForTimeout(300);
  const { profile } = await cdp.send('Profiler.stop');
  if (i === 2) {
    // self time per function+url
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
    const dt = profile.timeDeltas ?? [];
    (profile.samples ?? []).forEach((s, k) => {
      const nd = byId.get(s); if (!nd) return;
      const cf = nd.callFrame; const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[k] ?? 0) / 1000);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 35);
    for (const [k, v] of top) console.log(v.toFixed(1).padStart(8), k);
    writeFileSync('/tmp/probe/page.cpuprofile', JSON.stringify(profile));
  }
  await page.close();
}
await h.close();
process.exit(0);
