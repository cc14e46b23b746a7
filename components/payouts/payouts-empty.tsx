export function PayoutsEmpty({ filtered, accountLabel, onClear }: { filtered: boolean; accountLabel: string; onClear: () => void }) {
  if (!filtered) {
    return (
      <div className="empty">
        <h2>No payouts yet</h2>
        <p>{accountLabel} has not paid anything out to your bank yet.</p>
      </div>
    );
  }
  return (
    <div className="empty">
      <h2>No payouts match these filters</h2>
      <p>Try another status or a wider date range.</p>
      <button type="button" className="btn" onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}
