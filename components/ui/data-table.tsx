'use client';

import { useId } from 'react';
import { Money } from './money';
import { ScrollRegion } from './scroll-region';
import { useRovingRows } from './use-roving-rows';

/** One column of a table: its header and how a row (or the footer's totals row) fills its cell. */
export interface TableColumn<Row> {
  readonly id: string;
  readonly header: React.ReactNode;
  readonly align?: 'right';
  /** The cell names its row (<th scope="row">), so screen readers say it with each cell. */
  readonly rowHeader?: boolean;
  readonly className?: string;
  readonly cell: (row: Row, place: 'body' | 'foot') => React.ReactNode;
}

/** A right-aligned money column for rows that carry their own currency. */
export function moneyColumn<Row extends { readonly currency: string }>(id: string, header: string, pick: (row: Row) => string): TableColumn<Row> {
  return { id, header, align: 'right', cell: (row) => <Money amount={pick(row)} currency={row.currency} /> };
}

/** The shell's props: the table's names, its columns and rows, and how rows open. */
export interface DataTableProps<Row> {
  /** The table's accessible name, also its (visually hidden) caption. */
  name: string;
  regionName?: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowLabel?: (row: Row) => string;
  rowClassName?: (row: Row) => string | undefined;
  onOpen?: (row: Row) => void;
  footer?: Row;
  /** Shown instead of the table when there are no rows: what to do next. */
  empty?: React.ReactNode;
  busy?: boolean;
  className?: string;
  regionClassName?: string;
}

function Cell<Row>({ column, row, place }: { column: TableColumn<Row>; row: Row; place: 'body' | 'foot' }) {
  const className = [column.align, column.className].filter(Boolean).join(' ') || undefined;
  const content = column.cell(row, place);
  return column.rowHeader ? (
    <th scope="row" className={className}>
      {content}
    </th>
  ) : (
    <td className={className}>{content}</td>
  );
}

/**
 * Every list's table: a named caption, its own named scroll region (the page never scrolls sideways), a header
 * row, body rows and an optional totals row. With `onOpen`, rows open on click or Enter and the table is one
 * tab stop: arrow keys move between rows (their links and buttons stay out of the tab order). Without it the
 * scroll region itself takes focus, so a keyboard can scroll it.
 */
export function DataTable<Row>({
  name,
  regionName = name,
  columns,
  rows,
  rowKey,
  rowLabel,
  rowClassName,
  onOpen,
  footer,
  empty,
  busy = false,
  className,
  regionClassName,
}: DataTableProps<Row>) {
  const hint = useId();
  const { body, rowProps } = useRovingRows(
    rows.length,
    (index) => {
      const row = rows[index];
      if (row !== undefined && onOpen) onOpen(row);
    },
    rows[0] === undefined ? undefined : rowKey(rows[0]),
  );
  const opens = onOpen !== undefined;
  // The row that is the table's tab stop carries the keys' hint, so it is read when a keyboard arrives.
  const openingRowProps = (index: number) => {
    const props = rowProps(index);
    return { ...props, 'aria-describedby': props.tabIndex === 0 ? hint : undefined };
  };
  if (rows.length === 0 && empty !== undefined) return empty;
  return (
    <ScrollRegion
      label={regionName}
      className={[regionClassName, busy ? 'is-busy' : undefined].filter(Boolean).join(' ') || undefined}
      aria-busy={busy || undefined}
      focusable={!opens}
    >
      {opens && (
        <p id={hint} className="visually-hidden">
          Up and Down arrows move between rows, Enter opens one.
        </p>
      )}
      <table className={['data', className].filter(Boolean).join(' ')}>
        <caption className="visually-hidden">{name}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={column.align}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {rows.map((row, index) => {
            const classes = [opens ? 'clickable' : undefined, rowClassName?.(row)].filter(Boolean).join(' ') || undefined;
            return (
              <tr key={rowKey(row)} className={classes} aria-label={rowLabel?.(row)} {...(opens ? openingRowProps(index) : {})}>
                {columns.map((column) => (
                  <Cell key={column.id} column={column} row={row} place="body" />
                ))}
              </tr>
            );
          })}
        </tbody>
        {footer !== undefined && (
          <tfoot>
            <tr>
              {columns.map((column) => (
                <Cell key={column.id} column={column} row={footer} place="foot" />
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </ScrollRegion>
  );
}

/** The table's loading state: holds its place while the first page loads, so nothing below moves when it arrives. */
export function TableSkeleton({ rows = 10, label, className = 'table-skeleton' }: { rows?: number; label?: string; className?: string }) {
  return (
    <div className={`card ${className}`} aria-busy="true" aria-label={label} aria-hidden={label === undefined || undefined}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton" style={{ height: 22 }} />
      ))}
    </div>
  );
}
