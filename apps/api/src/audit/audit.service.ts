import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.types';

/** Who did what to which order/task/template, when, and why. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(user: AuthUser, action: string, target: string, reason: string | null, data?: Record<string, unknown>): Promise<void> {
    await this.ds.query(`INSERT INTO audit_log (actor, action, target, reason, data) VALUES ($1, $2, $3, $4, $5)`,
      [user.username, action, target, reason, data ? JSON.stringify(data) : null]);
  }
}
