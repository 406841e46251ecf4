export type Role = 'admin' | 'supervisor' | 'rep';
export const ROLES: Role[] = ['admin', 'supervisor', 'rep'];

/** The authenticated caller, as carried in the JWT. */
export interface AuthUser {
  id: string;
  username: string;
  roles: Role[];
  region: string | null;
}
