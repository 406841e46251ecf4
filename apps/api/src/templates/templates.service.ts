import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DOMAIN_ACTIVITY_NAMES } from '@orderpath/activities';
import { TemplateEntity, TemplateVersionEntity } from '@orderpath/activities/db/entities';
import { type Definition, definitionSchema } from '@orderpath/workflows/definition/schema';
import { hasErrors, validateDefinition, type ValidationIssue } from '@orderpath/workflows/definition/validate';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors';
import { ROLES } from '../auth/auth.types';

export interface TemplateSummary {
  key: string;
  name: string;
  latestVersion: number | null;
  updatedAt: string;
}

@Injectable()
export class TemplatesService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(): Promise<TemplateSummary[]> {
    const rows: { key: string; name: string; latest: number | null; updated_at: Date }[] = await this.ds.query(
      `SELECT t.key, t.name, t.updated_at, (SELECT max(version) FROM template_versions v WHERE v.key = t.key) AS latest
       FROM templates t ORDER BY t.key`,
    );
    return rows.map((r) => ({ key: r.key, name: r.name, latestVersion: r.latest, updatedAt: r.updated_at.toISOString() }));
  }

  async get(key: string) {
    const t = await this.ds.getRepository(TemplateEntity).findOneBy({ key });
    if (!t) throw new NotFoundError('template', key);
    const versions = await this.ds.getRepository(TemplateVersionEntity).find({
      where: { key }, order: { version: 'DESC' }, select: { version: true, publishedAt: true, publishedBy: true },
    });
    return { key: t.key, name: t.name, draft: t.draft, versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt, publishedBy: v.publishedBy })) };
  }

  async create(key: string, name: string, definition: Record<string, unknown>, userId: string | null) {
    const draft = { ...definition, key, name };
    const exists = await this.ds.getRepository(TemplateEntity).existsBy({ key });
    if (exists) throw new ConflictError('template_exists', `template ${key} already exists; edit its draft instead`);
    await this.ds.getRepository(TemplateEntity).insert({ key, name, draft, createdBy: userId });
    return this.get(key);
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
  async publish(key: string, userId: string | null): Promise<{ version: number }> {
    return this.ds.transaction(async (tx) => {
      const t = await tx.getRepository(TemplateEntity).findOne({ where: { key }, lock: { mode: 'pessimistic_write' } });
      if (!t) throw new NotFoundError('template', key);
      const issues = await this.issuesOf(t.draft, tx);
      if (hasErrors(issues)) {
        throw new UnprocessableError('template_invalid', `template ${key} has ${issues.filter((i) => i.severity === 'error').length} error(s); fix them before publishing`, { issues });
      }
      const [{ next }] = await tx.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM template_versions WHERE key = $1`, [key]);
      const definition = { ...definitionSchema.parse(t.draft), version: next };
      await tx.getRepository(TemplateVersionEntity).insert({ key, version: next, definition, publishedBy: userId });
      return { version: next as number };
    });
  }

  async version(key: string, version: number): Promise<Definition> {
    const v = await this.ds.getRepository(TemplateVersionEntity).findOneBy({ key, version });
    if (!v) throw new NotFoundError('template_version', `${key} v${version}`);
    return v.definition as Definition;
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
