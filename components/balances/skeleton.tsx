import { WaitingHint } from '@/components/ui/waiting-hint';

/** `waitingFor`: the display names of the providers being asked, named if the answer takes long. */
export function BalancesSkeleton({ waitingFor = [] }: { waitingFor?: readonly string[] }) {
  return (
    <div className="stack" aria-busy="true" aria-label="Loading balances">
      {waitingFor.length > 0 && <WaitingHint active providers={waitingFor} />}
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
