/**
 * The other capabilities' services this one calls, reached through the plugin
 * (`strapi.plugin('pmo').service(name)`, docs/architecture.md) and typed by their contracts'
 * answers, never by importing them: finance's earned value and S-curve, governance's project
 * view and board, change control's approved changes, and the workflow engine's lifecycle definition.
 */
import type { Core } from '@strapi/strapi';
import type { ChangeRequestSummary } from '../../../../shared/contracts/change-control';
import type { AsOf, ProgrammeEvm, ProgrammeSeries, ProjectSeries, RollUpSort } from '../../../../shared/contracts/finance';
import type { Board, BoardQuery, ProjectGovernance } from '../../../../shared/contracts/governance';
import type { WorkflowDefinition } from '../../../../shared/contracts/workflow';
import { getService } from '../../services';
import { keyWords } from '../../../../shared/words';
import type { AdminUser } from '../../workflow';

export type EarnedValuePeer = {
  projectSeries(documentId: string, asOf: AsOf): Promise<ProjectSeries>;
  /** `paging`: which of its projects the answer lists (the totals are over all of them). */
  programme(documentId: string, asOf: AsOf, paging?: { page: number; pageSize: number; sort: RollUpSort }): Promise<ProgrammeEvm>;
  programmeSeries(documentId: string, asOf: AsOf): Promise<ProgrammeSeries>;
};

export type GovernancePeer = {
  projectGovernance(documentId: string, user: AdminUser): Promise<ProjectGovernance>;
  board(user: AdminUser, filters: BoardQuery): Promise<Board>;
};

export type ChangeControlPeer = {
  /** The projects' change requests approved in a window (after the day `from`, up to `to`). */
  approvedBetween(projectDocumentIds: string[], window: { from: string | null; to: string }): Promise<ChangeRequestSummary[]>;
};

export function peers(strapi: Core.Strapi) {
  const service = <T>(name: string) => strapi.plugin('pmo').service(name) as T;
  return {
    earnedValue: () => service<EarnedValuePeer>('earnedValue'),
    governance: () => service<GovernancePeer>('governance'),
    changeControl: () => service<ChangeControlPeer>('changeControl'),
    /** The lifecycle's state names: `stateOf(key)` → "Executing" (the first state when none is recorded). */
    async lifecycleStates(uid: string): Promise<(key: string | null | undefined) => string | null> {
      const workflow = (await getService(strapi, 'workflow').workflowFor(uid)) as { definition: WorkflowDefinition } | null;
      const definition = workflow?.definition ?? null;
      return (key) => {
        const current = key || definition?.initial;
        if (!current) return null;
        return definition?.states.find((state) => state.key === current)?.name ?? keyWords(current);
      };
    },
  };
}

export type Peers = ReturnType<typeof peers>;
