import type { ReactNode } from 'react';

type PanelProps = {
  title: ReactNode;
  /** The confirmation panel is usually the page's h1. */
  headingLevel?: 1 | 2;
  children?: ReactNode;
};

/** Confirmation panel: "Din begäran är skickad" with the reference number. */
export function Panel({ title, headingLevel = 1, children }: PanelProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className="panel">
      <Heading className="panel__title">{title}</Heading>
      {children ? <div className="panel__body">{children}</div> : null}
    </div>
  );
}
