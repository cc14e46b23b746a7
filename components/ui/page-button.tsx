/** aria-disabled, not disabled: a disabled button drops focus to the page, so paging would lose its place. */
export function PageButton({
  disabled,
  onClick,
  primary = false,
  children,
}: {
  disabled: boolean;
  onClick: () => void;
  primary?: boolean;
  children: React.ReactNode;
}) {
  return (
    <button type="button" className={primary ? 'btn btn-primary' : 'btn'} aria-disabled={disabled} onClick={() => !disabled && onClick()}>
      {children}
    </button>
  );
}
