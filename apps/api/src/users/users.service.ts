import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { AuditService } from '../audit/audit.service';
import type { AuthUser, Role } from '../auth/auth.types';
import { effectiveRegion } from '../common/access';
import { BadRequestError, ConflictError, UnauthorizedError } from '../common/errors';
import { type Page, cursorPart, decodeCursor, pageOf } from '../common/pagination';
import { SqlParams } from '../common/sql-params';
import { Sql } from '../db/sql';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  region: string | null;
  createdAt: Date;
}

export interface UserFilter {
  role?: Role;
  region?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  region?: string | null;
}

const FOREIGN_KEY_VIOLATION = '23503';
const SELECT = `SELECT id, username, display_name AS "displayName", roles, region, created_at AS "createdAt" FROM users`;

/** Users (never their password hashes): admins manage them; supervisors list their region's. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(Sql) private readonly sql: Sql,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async list(f: UserFilter, user: AuthUser): Promise<Page<UserView>> {
    const p = new SqlParams();
    const where: string[] = [];
    const region = effectiveRegion(user, f.region);
    if (region !== null) where.push(`region = ${p.add(region)}`);
    if (f.role) where.push(`${p.add(f.role)} = ANY(roles)`);
    if (f.q) {
      const like = p.add(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(username ILIKE ${like} OR display_name ILIKE ${like})`);
    }
    const after = decodeCursor(f.cursor, 1, [cursorPart.text]) as [string] | null;
    if (after) where.push(`username > ${p.add(after[0])}`);
    const rows: UserView[] = await this.sql.query(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY username LIMIT ${p.add(f.limit + 1)}`, p.values);
    return pageOf(rows, f.limit, (u) => [u.username]);
  }

  /** Creates a user with an argon2id password hash. Audited. */
  async create(input: NewUser, by: AuthUser): Promise<UserView> {
    const hash = await argon2.hash(input.password, { type: argon2.argon2id });
    const rows: UserView[] = await this.sql.query(
      `INSERT INTO users (username, display_name, password_hash, roles, region) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (username) DO NOTHING
       RETURNING id, username, display_name AS "displayName", roles, region, created_at AS "createdAt"`,
      [input.username, input.displayName, hash, input.roles, input.region ?? null]).catch((err: { code?: string }) => {
      // users.region references the regions master data.
      if (err?.code === FOREIGN_KEY_VIOLATION) {
        throw new BadRequestError(`region ${input.region} does not exist`, [{ field: 'region', code: 'unknown_region', message: 'not a known region id' }]);
      }
      throw err;
    });
    if (!rows[0]) throw new ConflictError('user_exists', `user ${input.username} already exists`);
    await this.audit.record(by, 'user.create', `user:${rows[0].id}`, null, { username: input.username, roles: input.roles, region: input.region ?? null });
    return rows[0];
  }

  /** The caller, fresh from the database (roles or region may have changed since login). */
  async me(user: AuthUser): Promise<UserView> {
    const [row]: UserView[] = await this.sql.query(`${SELECT} WHERE id = $1`, [user.id]);
    if (!row) throw new UnauthorizedError('your user no longer exists; log in again');
    return row;
  }
}
