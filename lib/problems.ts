/**
 * Problems: errors the extension recovered from but should not hide. `reportError(scope, error)`
 * keeps the recent ones in `storage.session` (gone when the browser closes: nothing about the
 * user's papers is in them, and nothing leaves the device), logs them in development builds, and
 * the popup shows "N problems · Copy details" so a user can paste them into a bug report.
 */
import { z } from 'zod';

export const PROBLEMS_KEY = 'problems';
/** Enough to see a pattern, small enough to paste. */
export const MAX_PROBLEMS = 20;
const MAX_MESSAGE = 300;

export const Problem = z.object({
  /** Where it happened: `background/today-refresh`, `popup/start`, … */
  scope: z.string(),
  message: z.string(),
  /** The last time it happened (ms since the epoch). */
  at: z.number(),
  /** How often, since the browser started: the same failure every minute is one row. */
  count: z.number().int().positive(),
});
export type Problem = z.infer<typeof Problem>;

export function problemMessage(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/** The list after one more problem: newest first, repeats folded into one row, at most MAX_PROBLEMS. */
export function addProblem(list: readonly Problem[], scope: string, message: string, now: number): Problem[] {
  const same = list.find((p) => p.scope === scope && p.message === message);
  const rest = list.filter((p) => p !== same);
  return [{ scope, message, at: now, count: (same?.count ?? 0) + 1 }, ...rest].slice(0, MAX_PROBLEMS);
}

/** What is stored, read leniently: a row that does not parse is dropped, never thrown on. */
export function parseProblems(raw: unknown): Problem[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((row) => {
    const parsed = Problem.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The text the popup copies: plain, one line a problem, newest first. */
export function problemsReport(problems: readonly Problem[], about: { version: string; userAgent: string }): string {
  const lines = problems.map((p) => `${new Date(p.at).toISOString()} ×${p.count} ${p.scope}: ${p.message}`);
  return [`Papers Inbox ${about.version} — ${about.userAgent}`, ...lines].join('\n');
}

/** The slice of `browser.storage.session` the reporter uses (a plain fake in tests). */
export interface ProblemArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export type ReportError = (scope: string, error: unknown) => void;

export interface ErrorReporterDeps {
  area: ProblemArea;
  now: () => number;
  /** Development builds log every problem too; production builds keep them quietly. */
  log?: (scope: string, error: unknown) => void;
}

/**
 * One reporter per extension context. Writes are chained so two problems at once are both kept,
 * and a failure to store a problem is dropped: reporting must never become a problem itself.
 */
export function createErrorReporter(deps: ErrorReporterDeps): ReportError {
  let writes: Promise<void> = Promise.resolve();
  return (scope, error) => {
    deps.log?.(scope, error);
    const message = problemMessage(error);
    writes = writes
      .then(async () => {
        const list = parseProblems((await deps.area.get(PROBLEMS_KEY))[PROBLEMS_KEY]);
        await deps.area.set({ [PROBLEMS_KEY]: addProblem(list, scope, message, deps.now()) });
      })
      .catch(() => undefined);
  };
}

/** Development builds (`npm run dev`) print every problem as it happens; production builds only keep them. */
export const developmentLog: ErrorReporterDeps['log'] = import.meta.env.DEV
  ? (scope, error) => console.warn(`[Papers Inbox] ${scope}`, error)
  : undefined;
