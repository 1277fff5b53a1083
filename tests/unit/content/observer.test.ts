import { describe, expect, it } from 'vitest';
import { observeGrid } from '../../../lib/content/observer';
import type { Lifetime } from '../../../lib/content/lifetime';

const microtasks = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * `main` (from `html`) watched by observeGrid, with animation frames that run when the test says:
 * `frame()` lets the queued records through and runs a frame; `passes()` counts rescans so far.
 */
function watchMain(html: string) {
  document.body.innerHTML = html;
  const abort = new AbortController();
  const frames: (() => void)[] = [];
  const life: Lifetime = { signal: abort.signal, setTimeout: (h, ms) => window.setTimeout(h, ms), requestAnimationFrame: (h) => frames.push(h) };
  const main = document.querySelector('main');
  if (!main) throw new Error('main');
  let passes = 0;
  const grid = observeGrid(main, life, () => passes++);
  const frame = async () => {
    await microtasks();
    frames.splice(0).forEach((f) => f());
  };
  return { grid, frame, passes: () => passes, stop: () => abort.abort() };
}

describe('one batched observer', () => {
  it('collects many added cards into one pass per frame', async () => {
    const watch = watchMain('<main><div id="grid"></div></main>');
    for (let i = 0; i < 50; i++) document.getElementById('grid')?.append(document.createElement('article'));
    await watch.frame();
    expect(watch.passes()).toBe(1);
    watch.stop();
  });

  it('ignores our own UI (no annotate → rescan loop)', async () => {
    const watch = watchMain('<main><article id="a"></article></main>');
    const strip = document.createElement('div');
    strip.setAttribute('data-pi-ui', 'controls');
    document.getElementById('a')?.append(strip);
    strip.append(document.createElement('button'));
    await watch.frame();
    expect(watch.passes()).toBe(0);
    watch.stop();
  });

  it("writes made quietly queue no pass; the page's records from before them still do", async () => {
    const watch = watchMain('<main><div id="grid"></div></main>');
    watch.grid.quietly(() => document.getElementById('grid')?.append(document.createElement('article')));
    await watch.frame();
    expect(watch.passes()).toBe(0);

    document.getElementById('grid')?.append(document.createElement('article')); // the page's
    watch.grid.quietly(() => document.getElementById('grid')?.append(document.createElement('div')));
    await watch.frame();
    expect(watch.passes()).toBe(1);
    watch.stop();
  });
});
