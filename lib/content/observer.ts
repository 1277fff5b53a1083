import { UI_ATTR } from './annotate';
import type { Lifetime } from './lifetime';

/** Whether a node is (inside) our own injected UI: its mutations must not trigger a rescan. */
function isOwn(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest(`[${UI_ATTR}]`) != null;
}

/** A mutation that can add or remove cards (ours and text-only changes don't). */
export function isRelevant(record: MutationRecord): boolean {
  const changed = [...record.addedNodes, ...record.removedNodes];
  // The cheap test first: placing 1,000 strips makes 1,000 records whose nodes are all ours, and
  // the walk up from their targets (closest) is what a pass of them cost.
  if (!changed.some((node) => node instanceof Element && !node.hasAttribute(UI_ATTR))) return false;
  return !isOwn(record.target);
}

/**
 * ONE MutationObserver for the page; never works inside its callback: it only flags that the
 * grid changed, and `onChange` runs once per animation frame (uBlock's trick).
 */
export function observeGrid(root: Node, life: Lifetime, onChange: () => void): void {
  let scheduled = false;
  const observer = new MutationObserver((records) => {
    if (scheduled || !records.some(isRelevant)) return;
    scheduled = true;
    life.requestAnimationFrame(() => {
      scheduled = false;
      onChange();
    });
  });
  observer.observe(root, { childList: true, subtree: true });
  life.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
