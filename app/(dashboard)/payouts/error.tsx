'use client';

export default function PayoutsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="alert alert-danger" role="alert">
      <div>
        <div className="alert-title">Payouts could not be shown</div>
        <p>Something went wrong on our side. Your data is safe; try again.</p>
      </div>
      <button type="button" className="btn" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
