/** Every call the SPA makes, typed. Endpoints that may not exist yet return null (see optionalApi). */
import type { Definition } from '@orderpath/workflows/definition/schema';
import type { ValidationIssue } from '@orderpath/workflows/definition/validate';
import { api, optionalApi } from './client';
import { itemsOf, toIncident, toStuckItem } from './normalise';
import type {
  Comment, Incident, Order, OrderEventRow, OrderState, Page, StuckItem, Task, TaskDetail, TemplateDetail, TemplateSummary, User,
} from './types';

export const login = (username: string, password: string) =>
  api<{ accessToken: string; user: User }>('/auth/login', { body: { username, password } });

// Templates
/** Activity names and roles a template may use (the server's own lists). */
export const getCatalog = () => api<{ activities: string[]; roles: string[] }>('/catalog');
export const listTemplates = () => api<Page<TemplateSummary>>('/templates');
export const getTemplate = (key: string) => api<TemplateDetail>(`/templates/${encodeURIComponent(key)}`);
export const createTemplate = (key: string, name: string, definition: Definition) =>
  api<TemplateDetail>('/templates', { body: { key, name, definition } });
export const saveDraft = (key: string, definition: Definition) =>
  api<TemplateDetail & { issues: ValidationIssue[] }>(`/templates/${encodeURIComponent(key)}/draft`, { method: 'PUT', body: { definition } });
export const validateTemplate = (key: string) =>
  api<{ valid: boolean; issues: ValidationIssue[] }>(`/templates/${encodeURIComponent(key)}/validate`, { method: 'POST' });
export const publishTemplate = (key: string) => api<{ version: number }>(`/templates/${encodeURIComponent(key)}/publish`, { method: 'POST' });
export const getVersion = (key: string, version: number) => api<Definition>(`/templates/${encodeURIComponent(key)}/versions/${version}`);
export const getVersionBpmn = (key: string, version: number) =>
  optionalApi<string>(`/templates/${encodeURIComponent(key)}/versions/${version}/bpmn`, { accept: 'application/xml' });
export const importBpmnOnServer = (xml: string, key?: string) =>
  optionalApi<{ key: string; created?: boolean; warnings: { code: string; message: string }[] }>('/templates/import/bpmn', { body: xml, contentType: 'application/xml', query: { key } });
export const listUsers = async (): Promise<string[]> => {
  const body = await optionalApi<unknown>('/users', { query: { limit: 200 } }).catch(() => null);
  return body ? itemsOf(body).map((u) => String(u.username ?? '')).filter(Boolean) : [];
};

// Tasks
export const listTasks = (q: { assignee?: string; status?: string; role?: string; orderId?: string }) =>
  api<Page<Task>>('/tasks', { query: { status: 'open', ...q, limit: 100 } });
export const getTask = (id: string) => api<TaskDetail>(`/tasks/${id}`);
export const completeTask = (id: string, data: Record<string, unknown>) => api<{ id: string; status: string }>(`/tasks/${id}/complete`, { body: { data } });
export const claimTask = (id: string) => api<TaskDetail>(`/tasks/${id}/claim`, { method: 'POST' });
export const releaseTask = (id: string) => api<TaskDetail>(`/tasks/${id}/release`, { method: 'POST' });
export const reassignTask = (id: string, userId: string, reason?: string) => api<TaskDetail>(`/tasks/${id}/reassign`, { body: { userId, reason } });
export const addComment = (id: string, text: string) => optionalApi<Comment>(`/tasks/${id}/comments`, { body: { text } });
export const listComments = async (id: string): Promise<Comment[] | null> => {
  const body = await optionalApi<unknown>(`/tasks/${id}/comments`).catch(() => null);
  return body ? (itemsOf(body) as unknown as Comment[]) : null;
};

// Orders
export const listOrders = (q: { status?: string; stage?: string; q?: string; stuck?: string } = {}) =>
  api<Page<Order>>('/orders', { query: { ...q, limit: 200 } });
export const createOrder = (body: { templateKey: string; title: string; region?: string; variables?: Record<string, unknown> }) =>
  api<Order>('/orders', { body });
export const getOrder = (id: string) => api<Order>(`/orders/${id}`);
export const getTimeline = (id: string) => api<Page<OrderEventRow>>(`/orders/${id}/timeline`);
export const getOrderState = (id: string) => api<OrderState>(`/orders/${id}/state`);
export const sendMessage = (id: string, name: string, payload: unknown) =>
  api<{ delivered: boolean }>(`/orders/${id}/messages/${encodeURIComponent(name)}`, { body: { payload } });
export const cancelOrder = (id: string, reason: string) => api<{ status: string }>(`/orders/${id}/cancel`, { body: { reason } });
export const migrateOrder = (id: string, toVersion: number, nodeMapping: Record<string, string>, reason?: string) =>
  api<{ templateVersion: number }>(`/orders/${id}/migrate`, { body: { toVersion, nodeMapping, reason } });

// Supervision
export const listStuck = async (q: { reason?: string; stage?: string }): Promise<StuckItem[] | null> => {
  const body = await optionalApi<unknown>('/supervision/stuck', { query: { ...q, limit: 200 } });
  return body === null ? null : itemsOf(body).map(toStuckItem);
};
export const listIncidents = async (q: { status?: string; orderId?: string } = {}): Promise<Incident[] | null> => {
  const body = await optionalApi<unknown>('/incidents', { query: { status: 'open', ...q, limit: 200 } });
  return body === null ? null : itemsOf(body).map(toIncident);
};
export const resolveIncident = (id: string, action: 'retry' | 'skip' | 'abort', variables?: Record<string, unknown>) =>
  api<unknown>(`/incidents/${id}/resolve`, { body: variables ? { action, variables } : { action } });

// Analytics
export const getFunnel = (q: { templateKey?: string } = {}) => optionalApi<unknown>('/analytics/funnel', { query: q });
export const getDurations = (templateKey: string, version?: number) =>
  optionalApi<unknown>('/analytics/durations', { query: { templateKey, version } });
export const getTimeAllocation = (q: { role?: string; from?: string; to?: string }) =>
  optionalApi<unknown>('/analytics/time-allocation', { query: q });
