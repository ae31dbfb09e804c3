import type { ReactNode } from 'react';

export type TagColour = 'grey' | 'blue' | 'green' | 'yellow' | 'orange' | 'red' | 'purple';

/** A short status such as "Inkommen" or "Beslutad". Colour is never the only cue: the text is. */
export function Tag({ children, colour = 'blue' }: { children: ReactNode; colour?: TagColour }) {
  return <strong className={`tag tag--${colour}`}>{children}</strong>;
}
