import { useEffect, useState } from 'react';
import { parseProblems, PROBLEMS_KEY, type Problem } from '../lib/problems';

/** The recent problems kept in `storage.session`, live: a problem reported while the popup is open shows up. */
export function useProblems(): Problem[] {
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    let live = true;
    const area = browser.storage.session;
    area.get(PROBLEMS_KEY).then(
      (items) => live && setProblems(parseProblems(items[PROBLEMS_KEY])),
      () => undefined, // no session storage: nothing to show, and nothing to report it with
    );
    const onChanged = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
      const change = changes[PROBLEMS_KEY];
      if (areaName === 'session' && change) setProblems(parseProblems(change.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return problems;
}
