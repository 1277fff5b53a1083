/**
 * Reads the backticked spans of a Markdown document and checks each against the code: a path
 * must exist, a symbol must be declared, a signature must match the declaration's parameters,
 * and a documented object type may only name fields the type has. Prose in backticks (values,
 * commands, attribute names) is left alone.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Declaration, Declarations } from './declarations';

export type Span = { text: string; line: number };
export type SpanKind = 'path' | 'file-name' | 'signature' | 'object-type' | 'symbol' | 'prose';

/** Code spans may run over a line break inside a paragraph; fenced blocks are not spans. */
export function backtickedSpans(markdown: string): Span[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, (block) => block.replace(/[^\n]/g, ' '));
  const spans: Span[] = [];
  for (const match of prose.matchAll(/`([^`]+)`/g)) {
    const text = match[1];
    if (text === undefined) continue;
    const line = prose.slice(0, match.index).split('\n').length;
    spans.push({ text: text.replace(/\s+/g, ' ').trim(), line });
  }
  return spans;
}

const PATH = /^(\.\.?\/)?(lib|components|entrypoints|tests|bench|tools|docs|\.ci)(\/[\w.*\-[\]]*)*\/?$/;
const FILE_NAME = /^[\w.-]+\.(ts|tsx|css|html)$/;
/** `name(params)` with an optional `: Result` or `→ result` after it. */
const SIGNATURE = /^([A-Za-z_$][\w$]*)\((.*?)\)\s*(?:[:→].*)?$/;
const OBJECT_TYPE = /^([A-Z][\w$]*)\s*=\s*\{(.*)\}$/;
/** A code name, not a word: camelCase or PascalCase (a capital after the first letter or first). */
const SYMBOL = /^(?:[a-z_$][\w$]*[A-Z][\w$]*|[A-Z][a-z][\w$]*)$/;

export function spanKind(text: string): SpanKind {
  if (PATH.test(text)) return 'path';
  if (FILE_NAME.test(text)) return 'file-name';
  if (SIGNATURE.test(text)) return 'signature';
  if (OBJECT_TYPE.test(text)) return 'object-type';
  if (SYMBOL.test(text)) return 'symbol';
  return 'prose';
}

/** null when the span holds, else a sentence saying what does not. */
export function checkSpan(span: Span, declarations: Declarations, root: string): string | null {
  const text = span.text;
  switch (spanKind(text)) {
    case 'path':
      return checkPath(text, root);
    case 'file-name':
      return fileNamed(root, text) ? null : `no file of that name in the repository`;
    case 'signature':
      return checkSignature(text, declarations);
    case 'object-type':
      return checkObjectType(text, declarations);
    case 'symbol':
      // A JavaScript global (`Float32Array`) is a name the code may use without declaring it.
      return declarations.has(text) || text in globalThis ? null : `no declaration of \`${text}\` in the code`;
    case 'prose':
      return null;
  }
}

function checkPath(text: string, root: string): string | null {
  // A glob names a folder: everything up to the first wildcard must exist.
  const fixed = text.split('*')[0] ?? text;
  const relative = text.startsWith('../') ? path.join('..', fixed.slice(3)) : fixed;
  return existsSync(path.join(root, relative)) ? null : `${fixed} does not exist`;
}

function fileNamed(dir: string, name: string): boolean {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    if (entry.isDirectory() ? fileNamed(path.join(dir, entry.name), name) : entry.name === name) return true;
  }
  return false;
}

function checkSignature(text: string, declarations: Declarations): string | null {
  const [, name = '', list = ''] = SIGNATURE.exec(text) ?? [];
  const callables = (declarations.get(name) ?? []).filter((d) => d.parameters !== undefined);
  if (callables.length === 0) return `no declaration of a function \`${name}\` in the code`;
  const documented = parameterNames(list);
  if (callables.some((declaration) => parametersFit(documented, declaration))) return null;
  const actual = callables.map((d) => `${d.file}: (${(d.parameters ?? []).map((p) => p.name).join(', ')})`);
  return `parameters (${documented.join(', ')}) do not match ${actual.join('; ')}`;
}

/** `db: PapersInboxDb, ids, now?` → ['db', 'ids', 'now']; nested brackets in types are skipped. */
function parameterNames(list: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of list) {
    if ('([{<'.includes(char)) depth += 1;
    if (')]}>'.includes(char)) depth -= 1;
    if (char === ',' && depth === 0) {
      names.push(current);
      current = '';
    } else current += char;
  }
  if (current.trim() !== '') names.push(current);
  return names.map((part) => (part.split(':')[0] ?? '').replace('?', '').trim()).filter((part) => part !== '');
}

/** The documented names are the declaration's first ones, and only optional ones are left out. */
function parametersFit(documented: string[], declaration: Declaration): boolean {
  const actual = declaration.parameters ?? [];
  if (documented.length > actual.length) return false;
  const named = documented.every((name, index) => actual[index]?.name === name);
  const restOptional = actual.slice(documented.length).every((p) => p.optional || p.name.startsWith('...'));
  return named && restOptional;
}

function checkObjectType(text: string, declarations: Declarations): string | null {
  const [, name = '', body = ''] = OBJECT_TYPE.exec(text) ?? [];
  const withMembers = (declarations.get(name) ?? []).filter((d) => d.members !== undefined);
  if (withMembers.length === 0) return `no declaration of a type \`${name}\` with fields`;
  const fields = body
    .split(';')
    .map((part) => (part.split(':')[0] ?? '').replace('?', '').trim())
    .filter((field) => field !== '');
  const missing = fields.filter((field) => !withMembers.some((d) => d.members?.has(field)));
  return missing.length === 0 ? null : `\`${name}\` has no field ${missing.join(', ')}`;
}
