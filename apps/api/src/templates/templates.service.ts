import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DOMAIN_ACTIVITY_NAMES } from '@orderpath/activities';
import { TemplateEntity, TemplateVersionEntity } from '@orderpath/activities/db/entities';
import { type Definition, definitionSchema } from '@orderpath/workflows/definition/schema';
import { hasErrors, validateDefinition, type ValidationIssue } from '@orderpath/workflows/definition/validate';
import { BpmnExportError, BpmnImportError, exportBpmn, importBpmn } from '@orderpath/workflows/definition/bpmn';
import { AuditService } from '../audit/audit.service';
import { BadRequestError, ConflictError, NotFoundError, UnprocessableError } from '../common/errors';
import { type Page, cursorPart, decodeCursor, pageOf } from '../common/pagination';
import { type AuthUser, ROLES } from '../auth/auth.types';
import { Sql } from '../db/sql';

export interface TemplateSummary {
  key: string;
  name: string;
  latestVersion: number | null;
  updatedAt: string;
}

@Injectable()
export class TemplatesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(Sql) private readonly sql: Sql,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(cursor: string | undefined, limit: number): Promise<Page<TemplateSummary>> {
    const after = decodeCursor(cursor, 1, [cursorPart.text]) as [string] | null;
    const rows: { key: string; name: string; latest: number | null; updated_at: Date }[] = await this.sql.query(
      `SELECT t.key, t.name, t.updated_at, (SELECT max(version) FROM template_versions v WHERE v.key = t.key) AS latest
       FROM templates t WHERE t.key > $1 ORDER BY t.key LIMIT $2`, [after?.[0] ?? '', limit + 1]);
    const page = pageOf(rows, limit, (r) => [r.key]);
    return { items: page.items.map((r) => ({ key: r.key, name: r.name, latestVersion: r.latest, updatedAt: r.updated_at.toISOString() })), nextCursor: page.nextCursor };
  }

  async get(key: string) {
    const t = await this.ds.getRepository(TemplateEntity).findOneBy({ key });
    if (!t) throw new NotFoundError('template', key);
    const versions = await this.ds.getRepository(TemplateVersionEntity).find({
      where: { key }, order: { version: 'DESC' }, select: { version: true, publishedAt: true, publishedBy: true },
    });
    return { key: t.key, name: t.name, draft: t.draft, versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt, publishedBy: v.publishedBy })) };
  }

  async create(key: string, name: string, definition: Record<string, unknown>, user: AuthUser) {
    const draft = { ...definition, key, name };
    const exists = await this.ds.getRepository(TemplateEntity).existsBy({ key });
    if (exists) throw new ConflictError('template_exists', `template ${key} already exists; edit its draft instead`);
    await this.ds.getRepository(TemplateEntity).insert({ key, name, draft, createdBy: user.id });
    await this.audit.record(user, 'template.create', `template:${key}`, null, { name });
    return this.get(key);
  }

  /**
   * BPMN XML → the draft of the template it names (`key` overrides the name derived from the
   * process); creates the template when new. Unreadable XML is a 400 naming the body.
   */
  async importBpmn(xml: string, key: string | undefined, user: AuthUser) {
    let imported: Awaited<ReturnType<typeof importBpmn>>;
    try {
      imported = await importBpmn(xml);
    } catch (err) {
      if (!(err instanceof BpmnImportError)) throw err;
      throw new BadRequestError(err.message, [{ field: 'body', code: 'bpmn_unreadable', message: err.message }], 'bpmn_unreadable');
    }
    const { version: _v, ...definition } = imported.definition;
    const draft = { ...definition, key: key ?? definition.key };
    const created = await this.ds.transaction(async (tx) => {
      const rows: unknown[] = await tx.query(
        `INSERT INTO templates (key, name, draft, created_by) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING RETURNING key`,
        [draft.key, draft.name, JSON.stringify(draft), user.id]);
      if (rows.length) return true;
      await tx.query(`UPDATE templates SET draft = $2, name = $3, updated_at = now() WHERE key = $1`, [draft.key, JSON.stringify(draft), draft.name]);
      return false;
    });
    await this.audit.record(user, 'template.import', `template:${draft.key}`, null, { created, warnings: imported.warnings.length, nodes: draft.nodes.length });
    return { key: draft.key, created, warnings: imported.warnings, issues: await this.issuesOf(draft) };
  }

  async saveDraft(key: string, definition: Record<string, unknown>) {
    const t = await this.ds.getRepository(TemplateEntity).findOneBy({ key });
    if (!t) throw new NotFoundError('template', key);
    const name = typeof definition.name === 'string' && definition.name ? definition.name : t.name;
    await this.ds.getRepository(TemplateEntity).update({ key }, { draft: { ...definition, key, name }, name });
    return { ...(await this.get(key)), issues: await this.issuesOf({ ...definition, key, name }) };
  }

  async validate(key: string) {
    const t = await this.ds.getRepository(TemplateEntity).findOneBy({ key });
    if (!t) throw new NotFoundError('template', key);
    const issues = await this.issuesOf(t.draft);
    return { valid: !hasErrors(issues), issues };
  }

  /** Publishes the draft as the next immutable version; refuses (422) with the issues when invalid. */
  async publish(key: string, user: AuthUser, reason: string | null = null): Promise<{ version: number }> {
    const published = await this.ds.transaction(async (tx) => {
      const t = await tx.getRepository(TemplateEntity).findOne({ where: { key }, lock: { mode: 'pessimistic_write' } });
      if (!t) throw new NotFoundError('template', key);
      const issues = await this.issuesOf(t.draft, tx);
      if (hasErrors(issues)) {
        throw new UnprocessableError('template_invalid', `template ${key} has ${issues.filter((i) => i.severity === 'error').length} error(s); fix them before publishing`, { issues });
      }
      const [{ next }] = await tx.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM template_versions WHERE key = $1`, [key]);
      const definition = { ...definitionSchema.parse(t.draft), version: next };
      await tx.getRepository(TemplateVersionEntity).insert({ key, version: next, definition, publishedBy: user.id });
      return { version: next as number };
    });
    await this.audit.record(user, 'template.publish', `template:${key}`, reason, published);
    return published;
  }

  async version(key: string, version: number): Promise<Definition> {
    const v = await this.ds.getRepository(TemplateVersionEntity).findOneBy({ key, version });
    if (!v) throw new NotFoundError('template_version', `${key} v${version}`);
    return v.definition as Definition;
  }

  /** A published version as BPMN 2.0 XML (with diagram). */
  async versionBpmn(key: string, version: number): Promise<string> {
    const definition = await this.version(key, version);
    try {
      return await exportBpmn(definitionSchema.parse(definition));
    } catch (err) {
      if (err instanceof BpmnExportError) throw new UnprocessableError('bpmn_export_failed', err.message);
      throw err;
    }
  }

  async latestVersion(key: string): Promise<Definition | null> {
    const v = await this.ds.getRepository(TemplateVersionEntity).findOne({ where: { key }, order: { version: 'DESC' } });
    return (v?.definition as Definition | undefined) ?? null;
  }

  private async issuesOf(definition: unknown, em: EntityManager = this.ds.manager): Promise<ValidationIssue[]> {
    const rows: { key: string }[] = await em.query(`SELECT DISTINCT key FROM template_versions`);
    return validateDefinition(definition, { activities: DOMAIN_ACTIVITY_NAMES, roles: ROLES, templates: rows.map((r) => r.key) });
  }
}
