/**
 * The template language: the zod schema of an immutable template version (DESIGN.md §3).
 * Pure data; shared by the API, the worker, the interpreter and the designer.
 */
import { z } from 'zod';

export const MAX_NODES = 2000;

const id = z.string().min(1).max(120).regex(/^[A-Za-z0-9_.:-]+$/, 'ids use letters, digits and _ . : -');
/** ISO-8601 duration, e.g. P14D, PT30M. Checked precisely by validateDefinition (code bad_duration). */
const duration = z.string().min(2);
const expression = z.string().min(1).max(2000);
const position = z.object({ x: z.number(), y: z.number() });

export const NODE_TYPES = [
  'start', 'end', 'userTask', 'serviceTask', 'timer', 'messageCatch',
  'exclusiveGateway', 'parallelGateway', 'subProcess',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const TIME_CATEGORIES = [
  'travelling', 'distributor_talks', 'wholesaler_talks', 'retailer_talks', 'team_talks', 'market_visits',
  'opening_outlets', 'order_processing', 'payment_collection', 'delivery_replenishment', 'display',
  'promotion', 'stock_check', 'returns', 'data_analysis', 'reporting', 'incidents', 'other',
] as const;
export type TimeCategory = (typeof TIME_CATEGORIES)[number];

export const FIELD_TYPES = ['text', 'textarea', 'number', 'integer', 'boolean', 'date', 'select', 'multiselect', 'table'] as const;

export const formFieldSchema = z.object({
  key: z.string().min(1).max(80).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'field keys are identifiers'),
  type: z.enum(FIELD_TYPES),
  label: z.string().min(1).max(200),
  required: z.boolean().optional(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** Expression over { vars, order } whose value pre-fills the field. */
  default: expression.optional(),
  help: z.string().max(500).optional(),
  /** For `table` fields: the columns of each row. */
  columns: z.array(z.lazy((): z.ZodType<FormField> => formFieldSchema)).optional(),
});
export type FormField = {
  key: string; type: (typeof FIELD_TYPES)[number]; label: string; required?: boolean;
  options?: { value: string; label: string }[]; min?: number; max?: number; default?: string;
  help?: string; columns?: FormField[];
};

export const retrySchema = z.object({
  maxAttempts: z.number().int().min(1).max(100).default(3),
  initialInterval: duration.optional(),
  backoff: z.number().min(1).max(10).optional(),
  maxInterval: duration.optional(),
});

const common = {
  id,
  name: z.string().max(200).optional(),
  stage: id.optional(),
  position: position.optional(),
  documentation: z.string().max(5000).optional(),
};

export const startNode = z.object({ ...common, type: z.literal('start') });
export const endNode = z.object({ ...common, type: z.literal('end') });
export const userTaskNode = z.object({
  ...common,
  type: z.literal('userTask'),
  role: z.string().min(1).max(60),
  assignee: expression.optional(),
  form: z.object({ fields: z.array(formFieldSchema).max(200) }).optional(),
  category: z.enum(TIME_CATEGORIES).optional(),
  dueIn: duration.optional(),
  /** 'escalate' (non-interrupting) or the id of an outgoing edge to take (interrupting). */
  onOverdue: z.string().min(1).optional(),
});
export const serviceTaskNode = z.object({
  ...common,
  type: z.literal('serviceTask'),
  activity: z.string().min(1).max(120),
  input: z.record(z.string(), expression).optional(),
  output: z.record(z.string(), expression).optional(),
  retry: retrySchema.optional(),
  timeout: duration.optional(),
});
export const timerNode = z.object({
  ...common,
  type: z.literal('timer'),
  duration: duration.optional(),
  until: expression.optional(),
});
export const messageCatchNode = z.object({
  ...common,
  type: z.literal('messageCatch'),
  message: z.string().min(1).max(120),
  correlation: expression.optional(),
  expectedWithin: duration.optional(),
  /** Boundary timeout: after this duration take edge `timeoutEdge`. */
  timeout: duration.optional(),
  timeoutEdge: id.optional(),
});
export const exclusiveGatewayNode = z.object({ ...common, type: z.literal('exclusiveGateway') });
export const parallelGatewayNode = z.object({ ...common, type: z.literal('parallelGateway') });
export const subProcessNode = z.object({
  ...common,
  type: z.literal('subProcess'),
  templateKey: z.string().min(1),
  templateVersion: z.number().int().positive().optional(),
  input: z.record(z.string(), expression).optional(),
  output: z.record(z.string(), expression).optional(),
});

export const nodeSchema = z.discriminatedUnion('type', [
  startNode, endNode, userTaskNode, serviceTaskNode, timerNode, messageCatchNode,
  exclusiveGatewayNode, parallelGatewayNode, subProcessNode,
]);

export const edgeSchema = z.object({
  id,
  source: id,
  target: id,
  name: z.string().max(200).optional(),
  condition: expression.optional(),
  default: z.boolean().optional(),
});

export const stageSchema = z.object({ id, name: z.string().min(1).max(200), sla: duration.optional() });

export const variableSchema = z.object({
  key: z.string().min(1),
  type: z.enum(['string', 'number', 'boolean', 'object', 'array']).optional(),
  default: z.unknown().optional(),
  description: z.string().optional(),
});

export const definitionSchema = z.object({
  key: z.string().min(1).max(80).regex(/^[a-z0-9][a-z0-9-]*$/, 'template keys are lower-case kebab-case'),
  version: z.number().int().positive().optional(),
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  stages: z.array(stageSchema).default([]),
  /** An order of this template without an event for this long is stuck (`no_progress`); overrides ORDERPATH_NO_PROGRESS_AFTER. */
  noProgressAfter: duration.optional(),
  nodes: z.array(nodeSchema).max(MAX_NODES * 2),
  edges: z.array(edgeSchema),
  variables: z.array(variableSchema).optional(),
});

export type Definition = z.infer<typeof definitionSchema>;
export type DefinitionInput = z.input<typeof definitionSchema>;
export type Node = z.infer<typeof nodeSchema>;
export type Edge = z.infer<typeof edgeSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type UserTaskNode = z.infer<typeof userTaskNode>;
export type ServiceTaskNode = z.infer<typeof serviceTaskNode>;
export type TimerNode = z.infer<typeof timerNode>;
export type MessageCatchNode = z.infer<typeof messageCatchNode>;
export type SubProcessNode = z.infer<typeof subProcessNode>;
export type RetryPolicy = z.infer<typeof retrySchema>;
export type NodeOf<T extends NodeType> = Extract<Node, { type: T }>;
