import type { ReactNode } from 'react';

/** Native disclosure: works without JavaScript and is announced as expandable. */
export function Details({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  return (
    <details className="details">
      <summary className="details__summary">
        <span className="details__summary-text">{summary}</span>
      </summary>
      <div className="details__text">{children}</div>
    </details>
  );
}
