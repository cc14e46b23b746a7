export function BalancesSkeleton() {
  return (
    <div className="stack" aria-busy="true" aria-label="Loading balances">
      {[0, 1].map((i) => (
        <div className="card" key={i}>
          <div className="card-body stack">
            <div className="skeleton" style={{ width: 80, height: 20 }} />
            <div className="states">
              {[0, 1, 2, 3].map((j) => (
                <div className="skeleton" key={j} style={{ height: 58 }} />
              ))}
            </div>
            {[0, 1, 2].map((j) => (
              <div className="skeleton" key={j} style={{ height: 18 }} />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
