/**
 * Every HF selector in one place. Only structural hooks that survived HF's redesigns from 2023
 * to 2026 (hf-pages.md): Svelte island targets, landmarks, `article`, link paths. Never Tailwind classes.
 */
export const SELECTORS = {
  /** List pages' island with the embedded list props. */
  dailyPapersIsland: '[data-target="DailyPapers"]',
  /** Paper page's island with the paper props. */
  paperContentIsland: '[data-target="PaperContent"]',
  main: 'main',
  /** One card per paper since 2024. */
  card: 'article',
  /** Candidate paper links; paperIdFromHref decides (excludes date/week/trending/#community). */
  paperLink: 'a[href^="/papers/"], a[href^="https://huggingface.co/papers/"]',
  /** Title link of a card (2023–2026). */
  titleLink: 'h3 a',
  paperTitle: 'h1',
  /** Our own injected UI: never parsed as page content. */
  ownUi: '[data-pi-ui]',
} as const;

/** Attribute marking our injected UI (see SELECTORS.ownUi); checked while walking up from links. */
export const OWN_UI_ATTRIBUTE = 'data-pi-ui';
