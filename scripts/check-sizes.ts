/**
 * CI's bundle-size check, run after `wxt build` (.ci/run): the content script, injected into
 * every papers page, ≤ 40 kB; the popup's first chunk (the script popup.html loads) ≤ 150 kB.
 * kB of 1,000 bytes, the stricter reading. Prints each size; exits 1 when one is over.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const OUT = path.resolve(import.meta.dirname, '../.output/chrome-mv3');
const sizeOf = (rel: string) => statSync(path.join(OUT, rel)).size;

function contentScriptBytes(): number {
  const dir = 'content-scripts';
  return readdirSync(path.join(OUT, dir))
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + sizeOf(path.join(dir, f)), 0);
}

/** The entry script an extension page's HTML loads (`<script type="module" src=…>`). */
function entryScript(html: string): string {
  const text = readFileSync(path.join(OUT, html), 'utf8');
  const src = /<script[^>]*\ssrc="\/?([^"]+\.js)"/.exec(text)?.[1];
  if (src === undefined) throw new Error(`${html} loads no script`);
  return src;
}

const popupEntry = entryScript('popup.html');
const checks = [
  { name: 'content script (content-scripts/*.js)', bytes: contentScriptBytes(), limit: 40_000 },
  { name: `popup first chunk (${popupEntry})`, bytes: sizeOf(popupEntry), limit: 150_000 },
];
let over = 0;
for (const { name, bytes, limit } of checks) {
  const ok = bytes <= limit;
  if (!ok) over += 1;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${name}: ${bytes} bytes (limit ${limit})`);
}
process.exit(over > 0 ? 1 : 0);
