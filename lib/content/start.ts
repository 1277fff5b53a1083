import { findCards, parsePapersPage } from '../hf/parse-page';
import type { Transport } from '../transport';
import { PageActions } from './actions';
import { cardControls } from './clicks';
import type { Feature, FeatureApi } from './feature';
import { forYouOrder } from './for-you-order';
import { keyboardNav } from './keyboard';
import { lifetimeOf, yieldToMain, type Lifetime } from './lifetime';
import { prefetchStates } from './early-states';
import { createMessenger } from './messenger';
import { muteMenu } from './mute-menu';
import { observeGrid, type Grid } from './observer';
import { PageSession } from './page-session';
import { paperPage } from './paper-page';
import { scrollRead } from './scroll-read';
import { parseTabCommand } from './tab-commands';
import { Overlay } from './toast';

export type StartOptions = {
  life: Lifetime;
  /** The channel to the background (the browser's; a test's fake background in tests). */
  transport: Transport;
  /** Stop everything (extension context invalidated). */
  stop: () => void;
  /** Subscribes to soft navigations (WXT's `wxt:locationchange`). */
  onLocationChange: (handler: () => void) => void;
};

/** Every feature, once. Each page view starts those for its kind (a list, or a paper's own page). */
const FEATURES: readonly Feature[] = [cardControls, muteMenu, keyboardNav, scrollRead, forYouOrder, paperPage];

const currentUrl = () => new URL(location.href);

/** From now on, each page view starts the features of its kind, stopped when the view ends. */
export function startFeatures(api: FeatureApi, life: Lifetime, features: readonly Feature[] = FEATURES): void {
  api.session.onPageView(({ kind, signal }) => {
    const pages = kind.name === 'paper' ? 'paper' : 'lists';
    const view = lifetimeOf(AbortSignal.any([life.signal, signal]));
    for (const feature of features) if (feature.pages === pages) feature.init(view, api);
  }, life.signal);
}

/** Listens for the background's TabCommands (validated by hand, no Zod in this bundle). */
function listenForCommands(session: PageSession, actions: PageActions, signal: AbortSignal): void {
  const listener = (message: unknown) => {
    const command = parseTabCommand(message);
    if (command?.type === 'store-changed') void session.onStoreChanged(command);
    else if (command?.type === 'show-undo-toast') actions.undoToast(command.label, command.token, false);
  };
  browser.runtime.onMessage.addListener(listener);
  // After an extension reload Chrome takes `runtime` away (and the listener with it): nothing to remove.
  signal.addEventListener('abort', () => browser.runtime?.onMessage.removeListener(listener), { once: true });
}

/** Runs `start` once the DOM is parsed (at once when it already is). */
function whenDomReady(doc: Document, signal: AbortSignal, start: () => void): void {
  if (doc.readyState !== 'loading') start();
  else doc.addEventListener('DOMContentLoaded', start, { once: true, signal });
}

/** Wires every content-script concern for one tab. Each piece is torn down by life.signal. */
export function startPapersInbox({ life, transport, stop, onLocationChange }: StartOptions): PageSession {
  const doc = document;
  let grid: Grid | null = null; // watched from DOM-ready on
  const overlay = new Overlay(doc, life, browser.runtime.getURL('/overlay.css'));
  // A failed request's sentence ("Storage is full: …") as an alert; the toast needs a <body>.
  const onFailure = (sentence: string) => whenDomReady(doc, life.signal, () => overlay.toast(sentence, { role: 'alert' }));
  const request = createMessenger({ transport, onDead: stop, onFailure });
  const session = new PageSession({
    doc, currentUrl, parse: parsePapersPage, request, now: Date.now, signal: life.signal,
    writeQuietly: (write) => (grid ? grid.quietly(write) : write()),
  });
  const actions = new PageActions(session, overlay);
  startFeatures({ doc, session, actions, overlay, request }, life);
  // At document_start the root element may not exist yet: DOM-ready applies the settings again.
  const readStyle = () => session.settings && doc.documentElement?.setAttribute('data-pi-read-style', session.settings.readCards);
  session.onSettings(readStyle, life.signal);
  listenForCommands(session, actions, life.signal);
  // Runs at document_start: the rules and the listed papers' states arrive while the page parses.
  void session.preload();
  const early = prefetchStates(doc, currentUrl(), request, life.signal, session.filtersOn);
  void early.then((answer) => session.placeEarly(answer));
  whenDomReady(doc, life.signal, () => {
    readStyle();
    // Cards placed while the page parsed: the last ones now, the page's parse (tens of ms on a big
    // page) a task later, so this task ends before the page's first render.
    const placed = session.placeRest();
    const root = doc.querySelector('main') ?? doc.body;
    grid = observeGrid(root, life, () => void session.rescan(findCards(root, doc, currentUrl())));
    void (placed ? yieldToMain() : Promise.resolve()).then(() => session.navigate(early));
    // The overlay's stylesheet loads a second after DOM ready, off the busy start: by the first
    // toast or menu it is there, and nothing shows unstyled. A page without cards gets no overlay.
    life.setTimeout(() => session.ids().length > 0 && overlay.prepare(), 1_000);
  });
  // WXT fires this from the Navigation API's `navigate` event, before location.href has changed:
  // read the URL on the next task, once it is committed.
  onLocationChange(() => life.setTimeout(() => void session.onLocationChange(), 0));
  life.signal.addEventListener('abort', () => session.teardownPage(), { once: true });
  return session;
}
