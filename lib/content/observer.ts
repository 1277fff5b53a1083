import { UI_ATTR } from './annotate';
import type { Lifetime } from './lifetime';

/** Whether a node is (inside) our own injected UI: its mutations must not trigger a rescan. */
function isOwn(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest(`[${UI_ATTR}]`) != null;
}

/** A mutation that can add or remove cards (ours and text-only changes don't). */
export function isRelevant(record: MutationRecord): boolean {
  // The cheap test first: placing 1,000 strips makes 1,000 records whose nodes are all ours, and
  // the walk up from their targets (closest) is what a pass of them cost.
  if (!hasPageElement(record.addedNodes) && !hasPageElement(record.removedNodes)) return false;
  return !isOwn(record.target);
}

/** Whether the list holds an element that is not our UI (indexed: no array per record). */
function hasPageElement(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node instanceof Element && !node.hasAttribute(UI_ATTR)) return true;
  }
  return false;
}

/** The page's grid watcher. */
export type Grid = {
  /**
   * Runs our own DOM writes unobserved: placing 1,000 strips would queue 1,000 records only to be
   * told apart from the page's. The page's records from before are still handled.
   */
  quietly(write: () => void): void;
};

/**
 * ONE MutationObserver for the page; never works inside its callback: it only flags that the
 * grid changed, and `onChange` runs once per animation frame (uBlock's trick).
 */
export function observeGrid(root: Node, life: Lifetime, onChange: () => void): Grid {
  let scheduled = false;
  const handle = (records: MutationRecord[]) => {
    if (scheduled || !records.some(isRelevant)) return;
    scheduled = true;
    life.requestAnimationFrame(() => {
      scheduled = false;
      onChange();
    });
  };
  const observer = new MutationObserver(handle);
  observer.observe(root, { childList: true, subtree: true });
  life.signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return {
    quietly(write) {
      const before = observer.takeRecords();
      try {
        write();
      } finally {
        // Only ours: `write` is our code alone (it runs no page script), so every record it queued is ours.
        observer.takeRecords();
        handle(before);
      }
    },
  };
}
