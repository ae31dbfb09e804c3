import { useId, type ReactNode } from 'react';

type TableProps = {
  caption: ReactNode;
  /** How large the caption is shown (heading sizes). */
  captionSize?: 's' | 'm' | 'l';
  head: ReactNode[];
  rows: { key: string; cells: ReactNode[] }[];
  /** The first cell of each row names the row (rendered as a row header). */
  firstCellIsHeader?: boolean;
};

/**
 * A data table with a caption and column headers. Cells wrap between words; a table still too
 * wide for a narrow screen scrolls sideways inside its own region (data tables are the WCAG 1.4.10
 * exception), which is focusable so that keyboard users can scroll it.
 */
export function Table({ caption, captionSize = 'm', head, rows, firstCellIsHeader }: TableProps) {
  const captionId = useId();
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard
    <div className="table-wrapper" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table">
        <caption id={captionId} className={`table__caption table__caption--${captionSize}`}>
          {caption}
        </caption>
        <thead className="table__head">
          <tr className="table__row">
            {head.map((cell, index) => (
              <th key={index} scope="col" className="table__header">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="table__body">
          {rows.map((row) => (
            <tr key={row.key} className="table__row">
              {row.cells.map((cell, index) =>
                index === 0 && firstCellIsHeader ? (
                  <th key={index} scope="row" className="table__header">
                    {cell}
                  </th>
                ) : (
                  <td key={index} className="table__cell">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
