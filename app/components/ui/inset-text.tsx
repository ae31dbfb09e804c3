import type { ReactNode } from 'react';

/** Text set apart from its surroundings, e.g. a quotation or an example. */
export function InsetText({ children }: { children: ReactNode }) {
  return <div className="inset-text">{children}</div>;
}
