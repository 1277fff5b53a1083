/**
 * docs/ARCHITECTURE.md names files, functions and their parameters. This test reads every
 * backticked span of it and checks each one against the code as it is, so the document cannot
 * drift from the code without a red test. Only the code is parsed (no type check): it is fast.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectDeclarations, type Declarations } from './declarations';
import { backtickedSpans, checkSpan, spanKind } from './doc-spans';

const ROOT = path.resolve(__dirname, '../../..');
const ARCHITECTURE = path.join(ROOT, 'docs/ARCHITECTURE.md');

describe('docs/ARCHITECTURE.md', () => {
  const declarations: Declarations = collectDeclarations(ROOT);
  const spans = backtickedSpans(readFileSync(ARCHITECTURE, 'utf8'));

  it('names only files, symbols and signatures that exist in the code', () => {
    const problems = spans.flatMap((span) => {
      const problem = checkSpan(span, declarations, ROOT);
      return problem === null ? [] : [`line ${span.line}: \`${span.text}\`: ${problem}`];
    });
    expect(problems).toEqual([]);
  });

  it('checks a real number of spans (the reader finds what the document names)', () => {
    const checked = spans.filter((span) => spanKind(span.text) !== 'prose');
    expect(checked.length).toBeGreaterThan(60);
  });
});

describe('the span checker itself', () => {
  const declarations = collectDeclarations(ROOT);
  const check = (text: string) => checkSpan({ text, line: 1 }, declarations, ROOT);

  it('finds a function, its parameters in order, and refuses a renamed or missing one', () => {
    expect(check('parsePapersPage(doc: Document, url: URL): ParsedPage | null')).toBeNull();
    expect(check('parsePapersPage(url)')).toMatch(/parameters/);
    expect(check('paperLinkCount')).toMatch(/no declaration/);
    expect(check('noSuchFunction(db, ids)')).toMatch(/no declaration/);
  });

  it('lets a signature leave out trailing optional parameters only', () => {
    // setRead(db, ids, read, now, token?) — the token is optional.
    expect(check('setRead(db, ids, read, now) → undoToken')).toBeNull();
    expect(check('setRead(db, ids) → undoToken')).toMatch(/parameters/);
  });

  it('checks the fields of a documented object type against the type', () => {
    expect(check('ParsedCard = { element: HTMLElement; id: string; meta: PaperMeta }')).toBeNull();
    expect(check('ParsedCard = { element: HTMLElement; gone: number }')).toMatch(/gone/);
  });

  it('checks paths, globs and bare file names', () => {
    expect(check('lib/store/db.ts')).toBeNull();
    expect(check('lib/content/**')).toBeNull();
    expect(check('lib/nowhere/file.ts')).toMatch(/does not exist/);
    expect(check('page-session.ts')).toBeNull();
    expect(check('no-such-file.ts')).toMatch(/no file/);
  });
});
