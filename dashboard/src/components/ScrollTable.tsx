import type { ReactNode } from 'react';

/**
 * A box that a wide table scrolls inside, so that the page itself never scrolls sideways on a phone
 * (390 px). It is a named, focusable region: keyboard users can scroll it with the arrow keys.
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
