/**
 * What a highlight report holds, gathered by the service (service.ts, programme.ts) and drawn by
 * the renderer (pdf/): plain data, days as `YYYY-MM-DD`, money as the exact decimal strings
 * finance answers ("12345.67"), words still to be written by words.ts. Pure: no Strapi import.
 */
import type { EvmFigures, SeriesPoint } from '../../../../shared/contracts/finance';

export type Rag = 'green' | 'amber' | 'red';

/** A section the caller may not read: the renderer says so instead of the figures. */
export type Hidden = { shown: false; reason: string };

/** The project or programme the report is about. */
export type Subject = {
  code: string;
  name: string;
  manager: string | null;
  sponsor: string | null;
  /** A project's programme, or a programme's portfolio: "PRG-01 · Customer platform". */
  parent: string | null;
  /** The lifecycle state by name (projects). */
  state: string | null;
};

export type StatusSection = {
  asOf: string;
  percentComplete: number | null;
  rag: { overall: Rag | null; schedule: Rag | null; cost: Rag | null; scope: Rag | null };
  summary: string | null;
  nextSteps: string | null;
};

export type EvmSection =
  | Hidden
  | { shown: true; currency: string; figures: EvmFigures; points: SeriesPoint[] };

export type GateRow = { gate: number; name: string; decision: string; heldDate: string | null };
export type ConditionRow = { gate: number | null; text: string; owner: string | null; dueDate: string | null; overdue: boolean };

export type GateSection =
  | Hidden
  | {
      shown: true;
      /** Each gate's latest decision on or before asOf, gate order. */
      decided: GateRow[];
      next: { gate: number; name: string; scheduledDate: string | null } | null;
      openConditions: ConditionRow[];
    };

/** `where` names the project a programme report's row belongs to ("Programme" for its own). */
export type RiskRow = {
  title: string;
  type: string;
  probability: number;
  impact: number;
  score: number;
  owner: string | null;
  response: string | null;
  proximity: string | null;
  where?: string;
};
export type IssueRow = {
  title: string;
  priority: string;
  severity: string | null;
  owner: string | null;
  raisedOn: string | null;
  targetDate: string | null;
  where?: string;
};
export type DecisionRow = { title: string; decision: string; decidedOn: string; decidedBy: string | null; source: string; where?: string };
export type ChangeRow = { reference: string | null; title: string; costImpact: string | null; authorisedOn: string; where?: string };

/** A register's rows (all of them: the renderer cuts long lists with "and N more"). */
export type Listing<T> = Hidden | { shown: true; rows: T[] };

/** The period decisions and changes are reported for: after `from` (exclusive) up to asOf. */
export type ReportWindow = { from: string | null; to: string; basis: 'previous-report' | 'no-previous-report' | 'month' };

/** One project of a programme's report. */
export type ProgrammeProjectRow = {
  code: string;
  name: string;
  state: string | null;
  rag: Rag | null;
  statusAsOf: string | null;
  cpi: number | null;
  spi: number | null;
  nextGate: string | null;
};

export type HighlightReport = {
  kind: 'project' | 'programme';
  asOf: string;
  subject: Subject;
  /** The latest status report on or before asOf (projects; null for a programme). */
  status: Hidden | { shown: true; latest: StatusSection | null } | null;
  window: ReportWindow;
  evm: EvmSection;
  gates: GateSection | null;
  /** A programme's projects; what the caller may see of them: CPI and SPI, RAG, next gates. */
  projects: { rows: ProgrammeProjectRow[]; figures: boolean; rag: boolean; gates: boolean } | null;
  risks: Listing<RiskRow>;
  issues: Listing<IssueRow>;
  decisions: Listing<DecisionRow>;
  changes: Listing<ChangeRow>;
};
