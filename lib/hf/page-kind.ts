import type { PageKindName } from './page-kind-name';

/** What a huggingface.co/papers URL shows. A pure function of the URL: the page may lag behind it. */
export type PageKind =
  | { name: 'daily'; date?: string }
  | { name: 'week'; week: string }
  | { name: 'month'; month: string }
  | { name: 'trending' }
  | { name: 'search'; q: string }
  | { name: 'paper'; id: string };

// Compile-time check that every kind here is a shared PageKindName.
type AssertNames<T extends PageKindName> = T;
export type PageKindNames = AssertNames<PageKind['name']>;

const HOST = 'huggingface.co';
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const WEEK = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PAPER_ID = /^\d{4}\.\d{4,5}$/;

type ListKind = Exclude<PageKind, { name: 'search' } | { name: 'paper' }>;

/** Path segments after `/papers`, trailing slash tolerated; null when not under `/papers`. */
function papersSegments(pathname: string): string[] | null {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1);
  if (parts[0] !== 'papers') return null;
  return parts.slice(1);
}

/** The list kinds; the legacy `/papers?date=` form is still served by HF. */
function listKindOf(rest: string[], params: URLSearchParams): ListKind | null {
  const [first, second, ...extra] = rest;
  if (extra.length > 0) return null;
  if (first === undefined) {
    const date = params.get('date');
    if (date === null || date === '') return { name: 'daily' };
    return DATE.test(date) ? { name: 'daily', date } : null;
  }
  if (first === 'trending') return second === undefined ? { name: 'trending' } : null;
  if (second === undefined) return null;
  if (first === 'date' && DATE.test(second)) return { name: 'daily', date: second };
  if (first === 'week' && WEEK.test(second)) return { name: 'week', week: second };
  if (first === 'month' && MONTH.test(second)) return { name: 'month', month: second };
  return null;
}

/** `null` = not a papers page: the content script does nothing there. */
export function pageKindOf(url: URL): PageKind | null {
  if (url.protocol !== 'https:' || url.hostname !== HOST) return null;
  const rest = papersSegments(url.pathname);
  if (rest === null) return null;
  if (rest.length === 1 && rest[0] !== undefined && PAPER_ID.test(rest[0])) {
    return { name: 'paper', id: rest[0] };
  }
  const list = listKindOf(rest, url.searchParams);
  if (list === null) return null;
  // A query on any list URL turns it into search results (search wins).
  const q = url.searchParams.get('q')?.trim();
  return q ? { name: 'search', q } : list;
}
