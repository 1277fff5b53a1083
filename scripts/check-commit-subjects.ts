/**
 * CI's commit-subject check (#16 point 7): every commit after `RULE_SINCE` has a subject of at most
 * 71 characters, the detail in the body. Older commits predate the rule and are left as they are:
 * rewriting published history would break every clone.
 * Exits 1 and names each long subject; in a shallow clone without `RULE_SINCE`, checks HEAD only.
 */
import { execFileSync } from 'node:child_process';

/** The last commit before the rule was checked. */
const RULE_SINCE = 'bf6b1a4';
const MAX_SUBJECT = 71;

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' });

function hasCommit(ref: string): boolean {
  try {
    git('cat-file', '-e', `${ref}^{commit}`);
    return true;
  } catch {
    return false;
  }
}

const range = hasCommit(RULE_SINCE) ? [`${RULE_SINCE}..HEAD`] : ['-1', 'HEAD'];
if (range[0] === '-1') console.log(`commit subjects: ${RULE_SINCE} is not in this clone, checking HEAD only`);
const lines = git('log', '--format=%h %s', ...range).split('\n').filter(Boolean);
const long = lines.filter((line) => line.slice(line.indexOf(' ') + 1).length > MAX_SUBJECT);
for (const line of long) console.log(`subject over ${MAX_SUBJECT} characters: ${line}`);
console.log(`commit subjects: ${lines.length} checked, ${long.length} too long`);
process.exit(long.length > 0 ? 1 : 0);
