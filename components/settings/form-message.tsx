/** A form-level error or success line, announced when it changes. */
export function FormMessage({ error, success }: { error?: string | null; success?: string | null }) {
  return (
    <div aria-live="polite" role="status">
      {error ? <p className="form-error">{error}</p> : null}
      {success && !error ? <p className="badge badge-success">{success}</p> : null}
    </div>
  );
}
