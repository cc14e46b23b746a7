export function ChartSkeleton({ height, label = 'Loading chart' }: { height: number; label?: string }) {
  return <div className="skeleton" style={{ height }} role="status" aria-busy="true" aria-label={label} />;
}

export function FlowsSkeleton({ variant }: { variant: 'page' | 'overview' }) {
  return (
    <div className="stack" aria-busy="true" aria-label="Loading money flows">
      <div className="toolbar">
        {[220, 90, 240].map((width) => (
          <div className="skeleton" key={width} style={{ width, height: 34 }} />
        ))}
      </div>
      {(variant === 'page' ? [340, 440] : [260]).map((height) => (
        <div className="card" key={height}>
          <div className="card-body stack">
            <div className="skeleton" style={{ width: 220, height: 20 }} />
            <div className="skeleton" style={{ height }} />
          </div>
        </div>
      ))}
    </div>
  );
}
