/**
 * The content script is injected into every papers page and sits at its 40 kB budget
 * (scripts/check-sizes.ts). Zod and the protocol's schemas would cost it far more: it talks to
 * the background through lib/transport.ts, which trusts the reply's shape, never through
 * lib/client.ts. This walks the script's value imports (type-only imports are erased) so a new
 * import that pulls Zod in fails here, before the size check.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const ENTRY = path.join(ROOT, 'entrypoints/papers.content/index.ts');
const IMPORT = /^\s*(?:import|export)\s+([^'";]*?)\s*(?:from\s+)?['"]([^'"]+)['"]/gm;

/** Erased by the compiler: `import type …`, `export type …`, or braces holding only `type X` names. */
function typeOnly(clause: string): boolean {
  if (/^type\s/.test(clause)) return true;
  const names = /^\{([^}]*)\}$/.exec(clause)?.[1];
  return names !== undefined && names.split(',').every((name) => name.trim() === '' || name.trim().startsWith('type '));
}

function resolve(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((f) => existsSync(f) && f.match(/\.tsx?$/)) ?? null;
}

/** Every module the entry reaches by value imports: project files (relative to the root) and packages. */
function reachedFrom(entry: string): Set<string> {
  const reached = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    for (const [, clause = '', specifier = ''] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (typeOnly(clause.trim())) continue;
      if (!specifier.startsWith('.')) {
        reached.add(specifier);
        continue;
      }
      const target = resolve(file, specifier);
      if (target === null || reached.has(path.relative(ROOT, target))) continue;
      reached.add(path.relative(ROOT, target));
      queue.push(target);
    }
  }
  return reached;
}

describe('the content script', () => {
  const reached = reachedFrom(ENTRY);

  it('reaches its sender and messenger (the walk follows imports)', () => {
    expect(reached).toContain('lib/content/messenger.ts');
    expect(reached).toContain('lib/transport.ts');
  });

  it('bundles neither Zod nor the protocol schemas nor the validating client', () => {
    expect([...reached].filter((m) => m === 'zod' || m.startsWith('zod/'))).toEqual([]);
    expect(reached).not.toContain('lib/messages.ts');
    expect(reached).not.toContain('lib/client.ts');
  });
});
