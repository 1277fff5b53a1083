/**
 * Words of paper text for the ranking features. Lower case, ASCII letters and digits only
 * (titles and abstracts on Daily Papers are English), stop words and one-letter tokens dropped:
 * they occur in every paper and would only add noise to the hashed vocabulary.
 */

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can do does for from has have how in into is it its of on or our ' +
    'over such than that the their them then there these they this those through to up using via was we ' +
    'were what when where which while who will with within without also both each more most new not only ' +
    'other same so some very may might based paper propose proposed present presents approach method methods ' +
    'results show shows demonstrate achieve achieves existing work however across between further first ' +
    'two one three significantly state art extensive experiments make makes well large often address ' +
    'introduce introduces novel framework task tasks performance data model models'
  ).split(' '),
);

const WORD = /[a-z0-9]+/g;

/** Content words of a text, in order (order matters: bigrams are built from neighbours). */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    if (word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    words.push(word);
  }
  return words;
}
