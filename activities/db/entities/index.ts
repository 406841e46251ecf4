import { AuditEntity } from './audit.entity';
import { IncidentEntity } from './incident.entity';
import { OrderEntity, OrderEventEntity } from './order.entity';
import { TaskEntity } from './task.entity';
import { TemplateEntity, TemplateVersionEntity } from './template.entity';
import { UserEntity } from './user.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { OrderWaitEntity } from './order-wait.entity';
import { TaskCommentEntity } from './task-comment.entity';
import { DOMAIN_ENTITIES } from './domain';

export { AuditEntity, IncidentEntity, OrderEntity, OrderEventEntity, TaskEntity, TemplateEntity, TemplateVersionEntity, UserEntity };
export const ENTITIES = [UserEntity, TemplateEntity, TemplateVersionEntity, OrderEntity, OrderEventEntity, TaskEntity, IncidentEntity, AuditEntity,
  TaskCommentEntity, OrderWaitEntity, IdempotencyKeyEntity, ...DOMAIN_ENTITIES];
export { IdempotencyKeyEntity, OrderWaitEntity, TaskCommentEntity };
export * from './domain';
