'use client';

/**
 * "Rows per page", the same on every list: the usual sizes, plus a size set through the URL (any the list
 * allows), so the select never shows a size other than the one the list is using.
 */
export function PageSizeSelect({
  id,
  sizes,
  value,
  onChange,
  className,
}: {
  id: string;
  className?: string;
  sizes: readonly number[];
  value: number;
  onChange: (size: number) => void;
}) {
  const options = sizes.includes(value) ? sizes : [...sizes, value].sort((a, b) => a - b);
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>Rows per page</label>
      <select id={id} className="select" value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {options.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </div>
  );
}
