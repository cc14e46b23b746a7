import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FlowsFailures } from '@/components/flows/flows-failures';
import type { FlowsAccountFailureDto } from '@/lib/flows/schema';

const failure: FlowsAccountFailureDto = {
  connectionId: 'conn_1',
  label: 'Acme Outfitters',
  provider: 'shopline',
  providerName: 'SHOPLINE Payments',
  kind: 'unavailable',
  message: 'The provider is unavailable right now. SHOPLINE Payments answered HTTP 503: Service Unavailable.',
  traceId: '0123456789abcdef0123456789abcdef',
  status: 503,
};
const render = (failures: FlowsAccountFailureDto[], counted: number) =>
  renderToStaticMarkup(createElement(FlowsFailures, { failures, counted, retrying: false, onRetry: () => undefined }));

describe('FlowsFailures', () => {
  it('names the failed account, its error and trace id, and says the totals are partial', () => {
    const html = render([failure], 2);
    expect(html).toContain('role="alert"');
    expect(html).toContain('aria-label="Acme Outfitters failed to load"');
    expect(html).toContain('SHOPLINE Payments · Acme Outfitters: transactions could not be loaded');
    expect(html).toContain('HTTP 503');
    expect(html).toContain('Trace ID <span class="mono">0123456789abcdef0123456789abcdef</span>');
    expect(html).toContain('Partial totals: they leave out one account and cover the 2 accounts that answered.');
  });

  it('says there are no totals when no account could be read', () => {
    expect(render([failure], 0)).toContain('No account could be read, so there are no totals to show.');
  });

  it('says when the provider sent no trace id', () => {
    expect(render([{ ...failure, traceId: null, status: null }], 1)).toContain('No trace ID from the provider.');
  });

  it('renders nothing when every account counted', () => {
    expect(render([], 3)).toBe('');
  });
});
