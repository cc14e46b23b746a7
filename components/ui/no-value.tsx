/**
 * The dash of an empty cell or field. A screen reader would say "em dash" (or nothing); it hears what the
 * dash means instead: "none", or the given words ("not reported").
 */
export function NoValue({ spoken = 'none', className = 'faint', title }: { spoken?: string; className?: string; title?: string }) {
  return (
    <span className={className} title={title}>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{spoken}</span>
    </span>
  );
}
