/**
 * A table's own horizontal scroller, so the page never scrolls sideways: a named region, focusable
 * unless its rows take focus themselves (then the table stays one tab stop).
 */
export function ScrollRegion({
  label,
  className,
  focusable = true,
  children,
  ...rest
}: {
  label: string;
  className?: string;
  focusable?: boolean;
  children: React.ReactNode;
} & Omit<React.HTMLAttributes<HTMLDivElement>, 'role' | 'tabIndex' | 'className'>) {
  return (
    <div
      {...rest}
      className={`table-wrap ${className ?? ''}`.trim()}
      role="region"
      aria-label={label}
      tabIndex={focusable ? 0 : undefined}
    >
      {children}
    </div>
  );
}
