import { startBackground } from '../lib/background/main';

// Thin: all wiring lives in lib/background/main.ts (listeners registered synchronously there).
export default defineBackground(() => {
  startBackground();
});
