/** Styles inside the overlay's shadow root (toasts, menu, help): isolated from HF's CSS both ways. */
export const OVERLAY_CSS = `
:host { all: initial; }
.root { font: 14px/1.4 ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif; color: #111827; }
.root.dark { color: #f3f4f6; }
.toasts { position: fixed; bottom: 16px; left: 50%; transform: translateX(-50%); display: flex;
  flex-direction: column; gap: 8px; z-index: 2147483646; }
.toast, .menu, .help { background: #fff; border: 1px solid #e5e7eb; border-radius: 0.5rem;
  box-shadow: 0 4px 12px rgba(0,0,0,.12); }
.dark .toast, .dark .menu, .dark .help { background: #1f2937; border-color: #374151; }
.toast { display: flex; align-items: center; gap: 12px; padding: 8px 12px; }
.toast .note { color: #6b7280; font-size: 12px; }
.dark .toast .note { color: #9ca3af; }
button { font: inherit; font-size: 14px; color: inherit; background: transparent; border: 1px solid #e5e7eb;
  border-radius: 0.5rem; padding: 2px 10px; cursor: pointer; }
.dark button { border-color: #374151; }
button:hover { border-color: #f97316; }
button:focus-visible { outline: 2px solid #3b82f6; outline-offset: 2px; }
.menu { position: fixed; z-index: 2147483647; min-width: 220px; max-width: 360px; max-height: 60vh;
  overflow: auto; padding: 4px; display: flex; flex-direction: column; }
.menu button { border: 0; text-align: left; padding: 6px 10px; }
.menu button:focus { background: #f3f4f6; outline: none; }
.dark .menu button:focus { background: #374151; }
.menu .heading { font-size: 12px; color: #6b7280; padding: 4px 10px; }
.backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.3); z-index: 2147483647; display: flex;
  align-items: center; justify-content: center; }
.help { padding: 16px 20px; min-width: 300px; }
.help h2 { font-size: 16px; margin: 0 0 8px; }
.help dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 16px; margin: 0 0 12px; }
.help dt kbd { font: 12px ui-monospace, monospace; border: 1px solid #e5e7eb; border-radius: 4px; padding: 0 4px; }
.help dd { margin: 0; }
`;
