// `status`, `summary`, `report`: the daemon's JSON (GET /api/v1/services) printed in monit's layouts by
// the same renderer as /_status?format=text, /_summary and /_report; --json prints that JSON.
import type { StatusSnapshot } from '../daemon/facade.ts';
import {
  header, reportCounts, reportText, statusText, summaryRows, summaryText, SUMMARY_HEADINGS, type ReportType,
} from '../render/monit-text.ts';
import type { DaemonClient } from './daemon-client.ts';
import { selectServices } from './select.ts';
import { boxTable, colour, paintFor, statusColour, type Output } from './terminal.ts';

export interface ViewRequest {
  what: 'status' | 'summary' | 'report';
  pattern?: string;
  group?: string;
  reportType?: ReportType;
  json: boolean;
}

export function summaryTable(view: StatusSnapshot, out: Pick<Output, 'colours'>): string {
  const rows = summaryRows(view);
  const table = boxTable(SUMMARY_HEADINGS, rows.map((r) => r.cells), (row, col, padded) =>
    col === 1 ? colour(out.colours, statusColour(rows[row]!.service), padded) : padded);
  return `${colour(out.colours, 'bold', header(view))}\n${table}`;
}

function render(req: ViewRequest, view: StatusSnapshot, out: Output): string {
  if (req.what === 'report') {
    if (req.json) return `${JSON.stringify(req.reportType ? { [req.reportType]: reportCounts(view.services)[req.reportType] } : reportCounts(view.services), null, 2)}\n`;
    return reportText(view.services, req.reportType);
  }
  if (req.json) return `${JSON.stringify(view, null, 2)}\n`;
  if (req.what === 'status') return statusText(view, paintFor(out));
  return out.boxes ? summaryTable(view, out) : summaryText(view);
}

export async function showView(req: ViewRequest, client: DaemonClient, out: Output): Promise<number> {
  const snapshot = await client.json<StatusSnapshot>('GET', '/api/v1/services');
  const services = selectServices(snapshot.services, req.pattern, req.group);
  out.out(render(req, { ...snapshot, services }, out));
  return 0;
}
