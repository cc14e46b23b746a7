import { describe, expect, it } from 'vitest';
import { refusalMessage } from '../../support/refusal';
import { exportUrl } from '@/lib/exports/filters';
import { DEFAULT_EXPORT_OPTIONS } from '@/lib/exports/options';
import { parseExportRequest } from '@/lib/exports/request';

const parse = (search: string) => parseExportRequest(new URLSearchParams(search));

const refusal = (search: string) => refusalMessage(() => parse(search), search);

describe('parseExportRequest', () => {
  it('defaults to every transaction, the default columns, merchant time, comma, BOM and text ids', () => {
    expect(parse('')).toEqual({ filters: {}, options: DEFAULT_EXPORT_OPTIONS });
  });

  it('reads the transactions list’s filters with the list’s own schema', () => {
    const { filters } = parse('type=refund,payment&payout_status=completed&from=2024-03-01&to=2024-03-31&tz=Europe/Berlin');
    expect(filters).toEqual({ type: ['payment', 'refund'], payout_status: 'completed', from: '2024-03-01', to: '2024-03-31', tz: 'Europe/Berlin' });
  });

  it('reads the export options', () => {
    const { options } = parse('columns=net,id,transaction_time&timestamps=Asia/Tokyo&delimiter=semicolon&bom=false&long_ids=text&format=xlsx');
    expect(options).toEqual({
      columns: ['id', 'transaction_time', 'net'],
      timestamps: 'Asia/Tokyo',
      delimiter: 'semicolon',
      bom: false,
      longIds: 'text',
      format: 'xlsx',
    });
    expect(parse('').options).toMatchObject({ format: 'csv', longIds: 'plain' });
    expect(parse('timestamps=utc').options.timestamps).toBe('utc');
  });

  it.each([
    ['columns=id,secret', 'Invalid query parameter "columns": unknown column "secret"'],
    ['columns=', 'Invalid query parameter "columns": must name at least one column'],
    ['timestamps=Mars/Base', 'Invalid query parameter "timestamps": must be "merchant", "utc" or an IANA time zone'],
    ['delimiter=tab', 'Invalid query parameter "delimiter": must be comma or semicolon'],
    ['bom=yes', 'Invalid query parameter "bom": must be true or false'],
    ['long_ids=excel', 'Invalid query parameter "long_ids": must be text or plain'],
    ['type=bogus', 'Invalid query parameter "type": unknown type "bogus"'],
    ['from=2024-04-01&to=2024-03-01', 'Invalid query parameter "from": must not be after "to"'],
    ['format=pdf', 'Invalid query parameter "format": must be csv or xlsx'],
    ['page=2', 'Unknown query parameter "page".'],
    ['cursor=abc', 'Invalid query parameter "cursor": an export covers every page, so it takes no cursor.'],
    ['limit=100', 'Invalid query parameter "limit": an export covers every page, so it takes no limit.'],
  ])('refuses %s with a 400 naming the parameter', (search, message) => {
    expect(refusal(search)).toContain(message);
  });

  it('reads back exactly what the dialog’s URL builder writes', () => {
    const filters = { type: ['payment' as const], payout_id: '123', from: '2024-01-01', tz: 'UTC' };
    const options = { columns: ['id' as const, 'amount' as const], timestamps: 'America/New_York', delimiter: 'semicolon' as const, bom: false, longIds: 'plain' as const, format: 'xlsx' as const };
    const url = new URL(exportUrl('conn_1', filters, options), 'http://x');
    expect(url.pathname).toBe('/api/connections/conn_1/exports/transactions');
    expect(parseExportRequest(url.searchParams)).toEqual({ filters, options });
  });
});
