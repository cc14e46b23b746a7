'use client';

import {
  Layer,
  Rectangle,
  ResponsiveContainer,
  Sankey,
  Tooltip,
  type SankeyLinkProps,
  type SankeyNodeProps,
  type TooltipContentProps,
} from 'recharts';
import { formatMoney } from '@/components/ui/money';
import { decimalToChartNumber } from '@/lib/flows/chart-number';
import type { FlowsSankeyDto } from '@/lib/flows/schema';
import { sankeyNodeColor } from './chart-config';

type NodeDto = FlowsSankeyDto['nodes'][number];
type LinkDto = FlowsSankeyDto['links'][number];

/** Tooltip entries carry the node, or the link with its end nodes; `exact` is the decimal string. */
type TipPayload = { exact?: string; name?: string; source?: { name?: string }; target?: { name?: string } };

function SankeyTooltip({ active, payload, currency }: Pick<TooltipContentProps, 'active' | 'payload'> & { currency: string }) {
  const item = payload[0]?.payload as TipPayload | undefined;
  if (!active || !item?.exact) return null;
  const title = item.source && item.target ? `${item.source.name} → ${item.target.name}` : item.name;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-title">{title}</div>
      <div className="num">{formatMoney(item.exact, currency)}</div>
    </div>
  );
}

function SankeyNodeShape({ props, node, currency }: { props: SankeyNodeProps; node: NodeDto | undefined; currency: string }) {
  const { x, y, width, height } = props;
  if (!node) return <Layer />;
  const labelX = x + width + 6;
  const middle = y + height / 2;
  return (
    <Layer>
      <Rectangle x={x} y={y} width={width} height={height} fill={sankeyNodeColor(node.key)} fillOpacity={0.95} radius={2} />
      <text x={labelX} y={middle - 3} className="sankey-label">
        {node.label}
      </text>
      <text x={labelX} y={middle + 12} className="sankey-value">
        {formatMoney(node.value, currency)}
      </text>
    </Layer>
  );
}

function SankeyLinkShape({ props, link }: { props: SankeyLinkProps; link: LinkDto | undefined }) {
  const { sourceX, sourceY, targetX, targetY, sourceControlX, targetControlX, linkWidth } = props;
  return (
    <path
      data-testid="sankey-link"
      d={`M${sourceX},${sourceY} C${sourceControlX},${sourceY} ${targetControlX},${targetY} ${targetX},${targetY}`}
      fill="none"
      stroke={link ? sankeyNodeColor(link.target === 'gross_in' ? link.source : link.target) : 'var(--border)'}
      strokeOpacity={0.35}
      strokeWidth={Math.max(1, linkWidth)}
    />
  );
}

/** Where the period's money came from and went; link widths are drawn from floats, every label is exact. */
export default function FlowSankey({ sankey, currency, height = 440 }: { sankey: FlowsSankeyDto; currency: string; height?: number }) {
  const index = new Map(sankey.nodes.map((node, i) => [node.key, i]));
  const data = {
    nodes: sankey.nodes.map((node) => ({ name: node.label, exact: node.value })),
    links: sankey.links.map((link) => ({
      source: index.get(link.source) ?? 0,
      target: index.get(link.target) ?? 0,
      value: decimalToChartNumber(link.value),
      exact: link.value,
    })),
  };
  return (
    <figure className="flows-figure" aria-label={`Where the period's ${currency} came from and went`}>
      <ResponsiveContainer width="100%" height={height}>
        <Sankey
          data={data}
          // Recharts' layer makes the svg a focusable role="application", but a Sankey has no keyboard steps: it
          // would be a tab stop that takes a screen reader's keys and does nothing. Without it, its labels (each
          // node's name and exact amount) read as text in order.
          accessibilityLayer={false}
          sort={false}
          nodeWidth={12}
          nodePadding={36}
          iterations={64}
          margin={{ top: 12, right: 150, bottom: 12, left: 8 }}
          node={(props: SankeyNodeProps) => <SankeyNodeShape props={props} node={sankey.nodes[props.index]} currency={currency} />}
          link={(props: SankeyLinkProps) => <SankeyLinkShape props={props} link={sankey.links[props.index]} />}
        >
          <Tooltip content={({ active, payload }) => <SankeyTooltip active={active} payload={payload} currency={currency} />} />
        </Sankey>
      </ResponsiveContainer>
    </figure>
  );
}
