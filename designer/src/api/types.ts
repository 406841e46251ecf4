/** The API's resources as the designer reads them (DESIGN.md §6). Optional where the API varies. */
import type { Definition, FormField } from '@orderpath/workflows/definition/schema';
import type { ValidationIssue } from '@orderpath/workflows/definition/validate';

export type Role = 'admin' | 'supervisor' | 'rep' | (string & {});

export interface User {
  id: string;
  username: string;
  roles: Role[];
  displayName?: string;
  region?: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface TemplateSummary {
  key: string;
  name: string;
  latestVersion: number | null;
  updatedAt: string;
}

export interface TemplateDetail {
  key: string;
  name: string;
  draft: Definition;
  versions: { version: number; publishedAt: string; publishedBy: string | null }[];
  issues?: ValidationIssue[];
}

export interface Task {
  id: string;
  orderId: string;
  nodeId: string;
  iteration: number;
  name: string;
  role: string;
  assignee: string | null;
  stage: string | null;
  category: string | null;
  status: 'open' | 'completed' | 'cancelled';
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
  orderTitle: string;
  region: string | null;
}

export interface Comment {
  id?: string;
  text: string;
  author?: string;
  by?: string;
  at?: string;
  createdAt?: string;
}

export interface TaskDetail extends Task {
  form: { fields: FormField[] } | null;
  prefill: Record<string, unknown> | null;
  data: Record<string, unknown> | null;
  completedAt: string | null;
  completedBy: string | null;
  order: { id: string; title: string; status: string; stage: string | null; templateKey: string; templateVersion: number; value: number; variables: Record<string, unknown> };
  comments?: Comment[];
}

export interface Order {
  id: string;
  title: string;
  templateKey: string;
  templateVersion: number;
  status: string;
  stage: string | null;
  activeNodes: string[] | null;
  distributorId: string | null;
  region: string | null;
  value: number;
  workflowId: string;
  createdAt: string;
  lastEventAt: string | null;
  endedAt: string | null;
  variables?: Record<string, unknown>;
  openTasks?: { id: string; nodeId: string; name: string; status: string; assignee: string | null; role: string; dueAt: string | null }[];
  stuck?: unknown;
}

export interface OrderEventRow {
  seq: number;
  type: string;
  at: string;
  nodeId: string | null;
  iteration: number | null;
  data: Record<string, unknown> | null;
}

export interface StateToken {
  id: string;
  nodeId: string;
  iteration: number;
  since: string;
  wait?: { kind: string; [k: string]: unknown };
}

export interface OrderState {
  status: string;
  stage: string | null;
  vars: Record<string, unknown>;
  tokens: StateToken[];
  openIncidents: { id: string; nodeId: string; activity: string; error: string; since: string }[];
  templateVersion: number | null;
}

/** One stuck order (GET /supervision/stuck), read tolerantly. */
export interface StuckItem {
  orderId: string;
  title: string;
  reason: string;
  since: string | null;
  nodeId: string | null;
  stage: string | null;
  region: string | null;
  value: number;
  status?: string;
}

export interface Incident {
  id: string;
  orderId: string;
  nodeId: string;
  activity: string;
  error: string;
  attempts?: number;
  status?: string;
  createdAt?: string;
  orderTitle?: string;
}
