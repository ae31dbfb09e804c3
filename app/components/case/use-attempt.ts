import { useEffect, useState } from 'react';

/**
 * Counts the answers of a form's action, for `key={attempt}` on its ErrorSummary. The summary
 * focuses itself when it mounts; without a new key it would stay mounted after a second failed
 * send and keep the focus where the person left it (with JavaScript; without it, every send is a
 * new page anyway).
 */
export function useAttempt(actionData: unknown): number {
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (actionData) setAttempt((n) => n + 1);
  }, [actionData]);
  return attempt;
}
