/**
 * Typed client for the finance admin routes (/pmo/evm/..., /pmo/budget-outline/...,
 * /pmo/exports/...), over Strapi's fetch client, typed by the shared contract
 * (shared/contracts/finance.ts) the server validates with and answers in. Lists of portfolios,
 * programmes and projects come from the Content Manager (every PMO role reads every app type).
 *
 * Exports are read with a plain `fetch` and a stream reader (the fetch client buffers the whole
 * body), carrying the admin JWT exactly as the fetch client does (see `adminToken`).
 */
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useQuery } from 'react-query';

import {
  EXPORTS_READ,
  FINANCE_READ,
  MANAGEMENT_RESERVE,
  REPORT_FILTERS,
  REPORT_NAMES,
  ROLL_UP_PAGE_SIZE,
  ROLL_UP_SORTS,
  type BudgetCategory,
  type Delimiter,
  type EvmFigures,
  type EvmQuery,
  type ExportQuery,
  type OutlineQuery,
  type OutlineRow,
  type PortfolioEvm,
  type ProgrammeEvm,
  type ProgrammeEvmRow,
  type ProgrammeOutline,
  type ProgrammeSeries,
  type ProjectEvm,
  type ProjectEvmRow,
  type ProjectOutline,
  type ProjectSeries,
  type ReportFilter,
  type ReportName,
  type PortfolioRollUpQuery,
  type RollUpQuery,
  type RollUpSort,
  type SeriesPoint,
} from '../../../shared/contracts/finance';
import type { CodedRef } from '../../../shared/contracts/refs';
import { today } from '../../../shared/calendar';
import { PmoApiError, call } from './client';

/* ---------------------------------------------------------------------------------------------
 * Shapes: the contract's (shared/contracts/finance.ts), the server's own types
 * -------------------------------------------------------------------------------------------*/

export { MANAGEMENT_RESERVE, REPORT_FILTERS, ROLL_UP_PAGE_SIZE, ROLL_UP_SORTS, today };
export type {
  BudgetCategory,
  Delimiter,
  EvmFigures,
  CodedRef,
  OutlineRow,
  ProgrammeEvmRow,
  ProjectEvmRow,
  ReportFilter,
  ReportName,
  RollUpSort,
  SeriesPoint,
};

/** What the finance pages need: reading earned value, and downloading exports (finance and analysts have both). */
export const FINANCE_PERMISSIONS = [{ action: FINANCE_READ, subject: null }];
export const EXPORTS_PERMISSIONS = [{ action: EXPORTS_READ, subject: null }];

/** Whether the user may download exports: the pages show their Exports links only then. */
export function useCanExport() {
  // useRBAC names an action by its last segment: `plugin::pmo.exports.read` → canRead.
  const { allowedActions } = useRBAC(EXPORTS_PERMISSIONS);
  return Boolean(allowedActions.canRead);
}

/** The reports, in the order the Exports page offers them. */
export const REPORTS = REPORT_NAMES;

/** The answer of each earned-value route, by the level in its path. */
export type EvmAnswers = { projects: ProjectEvm; programmes: ProgrammeEvm; portfolios: PortfolioEvm };
export type EvmLevel = keyof EvmAnswers;
export type EvmResponse = EvmAnswers[EvmLevel];

export type SeriesAnswers = { projects: ProjectSeries; programmes: ProgrammeSeries };
export type SeriesResponse = SeriesAnswers[keyof SeriesAnswers];

export type OutlineAnswers = { projects: ProjectOutline; programmes: ProgrammeOutline };
export type BudgetOutline = OutlineAnswers[keyof OutlineAnswers];

/** The project, programme or portfolio an answer is about. */
export const subjectOf = (answer: EvmResponse | SeriesResponse | BudgetOutline): CodedRef =>
  'project' in answer ? answer.project : 'programme' in answer ? answer.programme : answer.portfolio;

/** A portfolio, programme or project as the Content Manager lists it. */
export type Entity = CodedRef;

/* ---------------------------------------------------------------------------------------------
 * Queries
 * -------------------------------------------------------------------------------------------*/

const CM = '/content-manager/collection-types';
const isDay = (asOf: string) => /^\d{4}-\d{2}-\d{2}$/.test(asOf);
const path = (documentId: string | undefined) => encodeURIComponent(documentId ?? '');

/**
 * Which page of a programme's or portfolio's projects to ask for, as the URL holds it (the
 * server's defaults when absent); `programmes: 'true'` (portfolios) adds every programme's own figures.
 */
export type RollUpPage = { page?: string; pageSize?: string; sort?: RollUpSort; programmes?: 'true' };

/** Earned value as of `asOf`; a programme's or portfolio's totals cover all its projects, `projects` the page asked for. */
export function useEvm<L extends EvmLevel>(level: L, documentId: string | undefined, asOf: string, paging: RollUpPage = {}) {
  const { get } = useFetchClient();
  const defined = Object.fromEntries(Object.entries(paging).filter(([, value]) => value !== undefined && value !== ''));
  const params: EvmQuery | RollUpQuery | PortfolioRollUpQuery = level === 'projects' ? { asOf } : { asOf, ...defined };
  return useQuery<EvmAnswers[L], PmoApiError>(
    ['pmo', 'evm', level, documentId ?? '', asOf, JSON.stringify(level === 'projects' ? {} : defined)],
    () => call(() => get<EvmAnswers[L]>(`/pmo/evm/${level}/${path(documentId)}`, { params })),
    { enabled: Boolean(documentId) && isDay(asOf), retry: false, keepPreviousData: true }
  );
}

type CmList<T> = { results: T[] };

/** Portfolios, programmes (optionally of one portfolio) or projects, as the Content Manager lists them. */
export function useEntities(
  kind: 'portfolio' | 'programme' | 'project' | 'department',
  filter?: { relation: 'portfolio' | 'programme'; documentId: string | undefined }
) {
  const { get } = useFetchClient();
  const params: Record<string, unknown> = { page: 1, pageSize: 100, sort: 'name:ASC' };
  if (filter) params.filters = { $and: [{ [filter.relation]: { documentId: { $eq: filter.documentId } } }] };
  return useQuery<Entity[], PmoApiError>(
    ['pmo', 'finance-entities', kind, filter?.relation ?? '', filter?.documentId ?? ''],
    async () => (await call(() => get<CmList<Entity>>(`${CM}/api::${kind}.${kind}`, { params }))).results,
    { enabled: !filter || Boolean(filter.documentId), retry: false, staleTime: 30_000 }
  );
}

/** One portfolio, programme or project by its documentId, as the Content Manager answers it (to name a filter). */
export function useEntity(kind: 'portfolio' | 'programme' | 'project', documentId: string | undefined) {
  const { get } = useFetchClient();
  return useQuery<Entity, PmoApiError>(
    ['pmo', 'finance-entity', kind, documentId ?? ''],
    async () => (await call(() => get<{ data: Entity }>(`${CM}/api::${kind}.${kind}/${path(documentId)}`))).data,
    { enabled: Boolean(documentId), retry: false, staleTime: 30_000 }
  );
}

/**
 * PV, EV and AC by month for a project or programme, summed by the server (the months it
 * chooses: the projects' dates, budget and costs), with the figures as of `asOf`.
 */
export function useSeries<L extends keyof SeriesAnswers>(level: L, documentId: string | undefined, asOf: string) {
  const { get } = useFetchClient();
  const params: EvmQuery = { asOf };
  return useQuery<SeriesAnswers[L], PmoApiError>(
    ['pmo', 'evm-series', level, documentId ?? '', asOf],
    () => call(() => get<SeriesAnswers[L]>(`/pmo/evm/${level}/${path(documentId)}/series`, { params })),
    { enabled: Boolean(documentId) && isDay(asOf), retry: false, keepPreviousData: true }
  );
}

/** A project's or programme's budget by month and category; `from`/`to` (YYYY-MM-DD) keep whole months. */
export function useBudgetOutline<L extends keyof OutlineAnswers>(level: L, documentId: string | undefined, range: { from: string; to: string }) {
  const { get } = useFetchClient();
  const params: OutlineQuery = Object.fromEntries(Object.entries(range).filter(([, value]) => value !== ''));
  return useQuery<OutlineAnswers[L], PmoApiError>(
    ['pmo', 'budget-outline', level, documentId ?? '', range.from, range.to],
    () => call(() => get<OutlineAnswers[L]>(`/pmo/budget-outline/${level}/${path(documentId)}`, { params })),
    { enabled: Boolean(documentId), retry: false, keepPreviousData: true }
  );
}

/* ---------------------------------------------------------------------------------------------
 * Exports: a streamed GET with the admin JWT
 * -------------------------------------------------------------------------------------------*/

/** The admin access token where Strapi's fetch client keeps it: localStorage, else the cookie. */
export function adminToken(): string | null {
  const stored = localStorage.getItem('jwtToken');
  if (stored) {
    try {
      return JSON.parse(stored) as string;
    } catch {
      return stored;
    }
  }
  const cookie = document.cookie.split('; ').find((part) => part.startsWith('jwtToken='));
  return cookie ? decodeURIComponent(cookie.slice('jwtToken='.length)) : null;
}

const backendURL = () => (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';

/** The export's address: its report and the query the contract reads for it (empty filters left out). */
export function exportPath(report: ReportName, filters: ExportQuery) {
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const qs = query.toString();
  return `/pmo/exports/${report}.csv${qs ? `?${qs}` : ''}`;
}

/** Opens the export and answers its body reader (or a PmoApiError with the server's message). */
export async function openExport(path: string, signal?: AbortSignal) {
  const token = adminToken();
  const response = await fetch(`${backendURL()}${path}`, {
    credentials: 'include',
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    signal,
  });
  if (!response.ok || !response.body) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = (await response.json()) as { error?: { message?: string } };
      message = body.error?.message ?? message;
    } catch {
      /* not JSON */
    }
    throw new PmoApiError(response.status, message);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1];
  return { reader: response.body.getReader(), filename };
}

/** The first `rows` lines of the export (header included), cancelling the stream after them. */
export async function previewExport(path: string, rows = 21): Promise<string[][]> {
  const { reader } = await openExport(path);
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) text += decoder.decode(value, { stream: true });
    if (done || countRecords(text) > rows) break;
  }
  await reader.cancel().catch(() => undefined);
  const delimiter = path.includes('delimiter=%3B') || path.includes('delimiter=;') ? ';' : ',';
  return parseCsvPrefix(text.replace(/^\uFEFF/, ''), delimiter).slice(0, rows);
}

function countRecords(text: string) {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text[i] === '\n') n += 1;
  }
  return n;
}

/** RFC 4180 records of a CSV prefix; an unfinished last record is dropped. */
export function parseCsvPrefix(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  return rows;
}

type SaveFilePicker = (options: {
  suggestedName?: string;
  types?: Array<{ description: string; accept: Record<string, string[]> }>;
}) => Promise<{ createWritable: () => Promise<WritableStreamDefaultWriter<Uint8Array> & { write: (chunk: Uint8Array) => Promise<void>; close: () => Promise<void>; abort: () => Promise<void> }> }>;

export type DownloadMode = 'file-system' | 'blob';

/** What kind of file a download saves: the picker's file type and the Blob's type. */
export type DownloadFormat = { description: string; mime: string; extension: string };
export const CSV_FORMAT: DownloadFormat = { description: 'CSV', mime: 'text/csv', extension: '.csv' };
export const PDF_FORMAT: DownloadFormat = { description: 'PDF', mime: 'application/pdf', extension: '.pdf' };
export const XLSX_FORMAT: DownloadFormat = {
  description: 'Excel workbook',
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: '.xlsx',
};
/** The format a file's name says it is. */
const formatOf = (name: string) => (name.endsWith('.xlsx') ? XLSX_FORMAT : name.endsWith('.pdf') ? PDF_FORMAT : CSV_FORMAT);

/**
 * Downloads an export (a CSV unless `format` says otherwise: the highlight report's PDF),
 * reporting bytes received. With the File System Access API (Chromium) the chunks go straight to
 * the chosen file, never held in memory. Otherwise they gather into a Blob saved through a link
 * (a documented limitation: the browser then holds the file until saved).
 */
export async function downloadExport(
  path: string,
  fallbackName: string,
  onProgress: (bytes: number) => void,
  signal?: AbortSignal,
  format: DownloadFormat = formatOf(fallbackName)
): Promise<{ bytes: number; mode: DownloadMode; filename: string }> {
  const picker = (window as unknown as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  // Ask for the file first: the picker needs the user's click, which awaiting the fetch would lose.
  const handle = picker
    ? await picker({ suggestedName: fallbackName, types: [{ description: format.description, accept: { [format.mime]: [format.extension] } }] })
    : null;
  const { reader, filename } = await openExport(path, signal);
  const name = filename ?? fallbackName;
  let bytes = 0;
  if (handle) {
    const writable = await handle.createWritable();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        await writable.write(value);
        bytes += value.byteLength;
        onProgress(bytes);
      }
      await writable.close();
    } catch (error) {
      await writable.abort().catch(() => undefined);
      throw error;
    }
    return { bytes, mode: 'file-system', filename: name };
  }
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    onProgress(bytes);
  }
  const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: format.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { bytes, mode: 'blob', filename: name };
}
