import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import type { Repository } from 'typeorm';
import { UserEntity } from '@orderpath/activities/db/entities';
import { UnauthorizedError } from '../common/errors';
import type { AuthUser, Role } from './auth.types';

export interface LoginResult {
  accessToken: string;
  user: { id: string; username: string; displayName: string; roles: Role[]; region: string | null };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const user = await this.users.findOne({ where: { username } });
    // Verify against a dummy hash when the user is unknown, so timing does not reveal usernames.
    const ok = await argon2.verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!user || !ok) throw new UnauthorizedError('unknown username or wrong password');
    const roles = user.roles as Role[];
    const claims: Omit<AuthUser, 'id'> & { sub: string } = { sub: user.id, username: user.username, roles, region: user.region };
    return {
      accessToken: await this.jwt.signAsync(claims),
      user: { id: user.id, username: user.username, displayName: user.displayName, roles, region: user.region },
    };
  }
}

const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$0d3Xb3uT7qvvcpJ6n7o1S3Wq3ZJZ0JqvCk1rj5vY1ZE';
