import type { ReactNode } from 'react';
import { Tag, type TagColour } from '~/components/ui/tag';

/** One colour per case status, the same for residents and staff; the words carry the meaning. */
const COLOUR: Record<string, TagColour> = {
  received: 'purple',
  registered: 'blue',
  in_progress: 'blue',
  awaiting_resident: 'yellow',
  decided: 'green',
  closed: 'grey',
  withdrawn: 'orange',
};

export function CaseStatusTag({ status, children }: { status: string; children: ReactNode }) {
  return <Tag colour={COLOUR[status] ?? 'grey'}>{children}</Tag>;
}
