/**
 * A document's versions (docs/documents.md): a new version is a new document (same title, type,
 * project or programme, owner, template and review cycle; its own file and review) linked to the
 * one before by `previousVersion`; making it supersedes the previous version through the
 * document's workflow, and the previous version stays readable. The chain is read back through
 * `previousVersion` and its inverse `nextVersions`.
 */
import type { Core } from '@strapi/strapi';
import {
  DOCUMENT_UID,
  nextVersionNumber,
  type DocumentStatus,
  type DocumentVersion,
  type NewVersionInput,
} from '../../../shared/contracts/documents';
import { conflict, errors, invalidField } from '../platform/errors';
import { documentsAs } from '../security/protected-fields';
import { getService } from '../services';
import { stateName, type AdminUser } from '../workflow';

/** Longest chain followed: a guard against a loop, far beyond any real document's history. */
const MAX_VERSIONS = 200;

type VersionRow = {
  id: number;
  documentId: string;
  version: string | null;
  status: DocumentStatus;
  approvedAt: string | Date | null;
  previousVersion?: { documentId: string } | null;
  nextVersions?: Array<{ documentId: string; createdAt?: string | Date }>;
};

const iso = (value: string | Date | null) => (value === null || value === undefined ? null : new Date(value).toISOString());

export function createVersions(strapi: Core.Strapi) {
  const query = () => strapi.db.query(DOCUMENT_UID as never);

  async function row(documentId: string): Promise<VersionRow | null> {
    return (await query().findOne({
      where: { documentId },
      select: ['id', 'documentId', 'version', 'status', 'approvedAt'],
      populate: {
        previousVersion: { select: ['documentId'] },
        nextVersions: { select: ['documentId', 'createdAt'], orderBy: { id: 'desc' } },
      },
    } as never)) as VersionRow | null;
  }

  /** Every version of the document, oldest first. */
  async function chain(documentId: string): Promise<DocumentVersion[]> {
    const start = await row(documentId);
    if (!start) return [];
    const seen = new Set([start.documentId]);
    const before: VersionRow[] = [];
    let cursor = start;
    while (cursor.previousVersion && !seen.has(cursor.previousVersion.documentId) && seen.size < MAX_VERSIONS) {
      const previous = await row(cursor.previousVersion.documentId);
      if (!previous) break;
      seen.add(previous.documentId);
      before.unshift(previous);
      cursor = previous;
    }
    const after: VersionRow[] = [];
    cursor = start;
    // The newest successor, should there ever be two.
    while (cursor.nextVersions?.length && !seen.has(cursor.nextVersions[0].documentId) && seen.size < MAX_VERSIONS) {
      const next = await row(cursor.nextVersions[0].documentId);
      if (!next) break;
      seen.add(next.documentId);
      after.push(next);
      cursor = next;
    }
    return [...before, start, ...after].map((version) => ({
      documentId: version.documentId,
      version: version.version ?? null,
      status: version.status,
      approvedAt: iso(version.approvedAt),
    }));
  }

  /**
   * Makes the next version of an approved document as `user` and supersedes this one through
   * its workflow. The new version is written first; if the workflow refuses the supersession
   * (the caller may not, or someone made a new version at the same moment: 409), it is deleted
   * again and the refusal stands, so of concurrent requests exactly one leaves a new version.
   */
  async function newVersion(documentId: string, input: NewVersionInput, user: AdminUser): Promise<string> {
    const engine = getService(strapi, 'workflow');
    const current = (await query().findOne({
      where: { documentId },
      populate: {
        project: { select: ['documentId'] },
        programme: { select: ['documentId'] },
        owner: { select: ['documentId'] },
        template: { select: ['documentId'] },
      },
    } as never)) as Record<string, any> | null;
    if (!current) throw new errors.NotFoundError('There is no such document (it may have been deleted)');

    const workflow = await engine.workflowFor(DOCUMENT_UID);
    const instance = workflow ? await engine.ensureInstance(workflow, DOCUMENT_UID, documentId, null) : null;
    const step = workflow?.definition.transitions.find((t) => t.to === 'superseded' && instance && t.from.includes(instance.state));
    if (!workflow || !instance || !step) {
      const key = instance?.state ?? current.status;
      const state = key === 'draft' ? 'a draft' : workflow ? stateName(workflow.definition, key).toLowerCase() : key;
      throw conflict(
        `Only an approved document gets a new version; this one is ${state}: ${
          key === 'superseded' ? 'make the new version from the latest one' : 'edit it and take it through review instead'
        }`,
        instance ? { state: instance.state, version: instance.version } : {}
      );
    }
    const version = input.version ?? nextVersionNumber(current.version);
    if (!version) {
      throw invalidField(['version'], `Give the new version: "${current.version}" is not a number PMO Hub can count on from`);
    }
    if (version === (current.version ?? '').trim()) {
      throw invalidField(['version'], `The new version must differ from the current one (${version})`);
    }

    const documents = documentsAs(strapi, 'compliance', DOCUMENT_UID);
    const ref = (relation: { documentId?: string } | null | undefined) => relation?.documentId ?? null;
    const created = await documents.create({
      data: {
        title: current.title,
        documentType: current.documentType,
        project: ref(current.project),
        programme: ref(current.programme),
        owner: ref(current.owner),
        template: ref(current.template),
        reviewCycleDays: current.reviewCycleDays,
        link: current.link ?? null,
        version,
        previousVersion: documentId,
      },
    });
    try {
      await engine.fire(
        { uid: DOCUMENT_UID, documentId, transition: step.key, comment: `Superseded by version ${version}`, expectedVersion: instance.version },
        user
      );
    } catch (error) {
      await documents.delete({ documentId: created.documentId });
      throw error;
    }
    return created.documentId as string;
  }

  return { chain, newVersion };
}
