import { useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';

/**
 * Following a BankID order while it is pending, on the pages that show its status (login,
 * signing, phone identification): with JavaScript the loader is revalidated every `everyMs`;
 * without, <RefreshWhilePending> reloads the page every 2 s.
 */
export function usePollWhilePending(pending: boolean, everyMs: number) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!pending) return;
    const id = window.setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate();
    }, everyMs);
    return () => window.clearInterval(id);
  }, [pending, everyMs, revalidator]);
}

/** Only without JavaScript: inside <noscript> the tag is text to a scripted page (and to axe). */
export function RefreshWhilePending({ pending }: { pending: boolean }) {
  if (!pending) return null;
  return (
    <noscript>
      <meta httpEquiv="refresh" content="2" />
    </noscript>
  );
}
