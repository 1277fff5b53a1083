import type { RouteSender } from './routes/route';

/** The parts of `runtime.MessageSender` the background looks at. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

const HF_ORIGIN = 'https://huggingface.co/';

/**
 * Our own extension pages, or a huggingface.co content script of this extension; any other
 * sender is refused with a sentence before its message is even parsed.
 */
export function classifySender(
  sender: MessageSender,
  own: { runtimeId: string; extensionOrigin: string },
): RouteSender | { refused: string } {
  if (sender.id !== own.runtimeId) return { refused: 'Messages from other extensions are refused.' };
  const url = sender.url ?? '';
  const tabId = sender.tab?.id;
  if (url.startsWith(own.extensionOrigin)) return { kind: 'extension', tabId };
  if (url.startsWith(HF_ORIGIN)) return { kind: 'content', tabId };
  return { refused: 'Messages are only accepted from huggingface.co pages and this extension.' };
}
