import { describe, expect, it } from 'vitest';
import { observeGrid } from '../../../lib/content/observer';
import type { Lifetime } from '../../../lib/content/lifetime';

/** A lifetime whose animation frames run when the test says so. */
function manualFrames(signal: AbortSignal) {
  const frames: (() => void)[] = [];
  const life: Lifetime = { signal, setTimeout: (h, ms) => window.setTimeout(h, ms), requestAnimationFrame: (h) => frames.push(h) };
  return { life, runFrame: () => frames.splice(0).forEach((f) => f()) };
}
const microtasks = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('one batched observer', () => {
  it('collects many added cards into one pass per frame', async () => {
    document.body.innerHTML = '<main><div id="grid"></div></main>';
    const abort = new AbortController();
    const { life, runFrame } = manualFrames(abort.signal);
    let passes = 0;
    const main = document.querySelector('main');
    if (!main) throw new Error('main');
    observeGrid(main, life, () => passes++);
    for (let i = 0; i < 50; i++) document.getElementById('grid')?.append(document.createElement('article'));
    await microtasks();
    runFrame();
    expect(passes).toBe(1);
    abort.abort();
  });

  it('ignores our own UI (no annotate → rescan loop)', async () => {
    document.body.innerHTML = '<main><article id="a"></article></main>';
    const abort = new AbortController();
    const { life, runFrame } = manualFrames(abort.signal);
    let passes = 0;
    const main = document.querySelector('main');
    if (!main) throw new Error('main');
    observeGrid(main, life, () => passes++);
    const strip = document.createElement('div');
    strip.setAttribute('data-pi-ui', 'controls');
    document.getElementById('a')?.append(strip);
    strip.append(document.createElement('button'));
    await microtasks();
    runFrame();
    expect(passes).toBe(0);
    abort.abort();
  });

  it("writes made quietly queue no pass; the page's records from before them still do", async () => {
    document.body.innerHTML = '<main><div id="grid"></div></main>';
    const abort = new AbortController();
    const { life, runFrame } = manualFrames(abort.signal);
    let passes = 0;
    const main = document.querySelector('main');
    if (!main) throw new Error('main');
    const grid = observeGrid(main, life, () => passes++);
    grid.quietly(() => document.getElementById('grid')?.append(document.createElement('article')));
    await microtasks();
    runFrame();
    expect(passes).toBe(0);

    document.getElementById('grid')?.append(document.createElement('article')); // the page's
    grid.quietly(() => document.getElementById('grid')?.append(document.createElement('div')));
    await microtasks();
    runFrame();
    expect(passes).toBe(1);
    abort.abort();
  });
});
