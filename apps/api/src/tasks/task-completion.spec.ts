import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import type { Sql } from '../db/sql';
import type { AuthUser } from '../auth/auth.types';
import { TasksService } from './tasks.service';

const rep: AuthUser = { id: 'u1', username: 'rep1', roles: ['rep'], region: 'east' };
const TASK = '3f1c2a52-8d1e-4c51-9a43-0f2b4f3c9d10';

/** The workflow's answers to completeTask, in turn, and the row status the database reports each time. */
function serviceWith(answers: (Error | null)[], rowStatuses: string[]) {
  const sent: unknown[] = [];
  const sql = {
    query: async () => [{ id: TASK, orderId: 'o1', workflowId: 'order-o1', assignee: 'rep1', role: 'rep', region: 'east', status: rowStatuses.shift() ?? 'open' }],
  };
  const temporal = {
    workflow: {
      getHandle: () => ({
        executeUpdate: async (_update: unknown, opts: { args: unknown[] }) => {
          sent.push(opts.args[0]);
          const answer = answers.shift();
          if (answer) throw answer;
          return { ok: true };
        },
      }),
    },
  };
  return { service: new TasksService(sql as unknown as Sql, temporal as unknown as Client, undefined as never), sent };
}

const refused = (type: string) => new WorkflowUpdateFailedError('refused', ApplicationFailure.create({ type, message: `task ${TASK} is not open`, nonRetryable: true }));

describe('TasksService.complete', () => {
  it('given a workflow still catching up (it refuses a task whose row is open), when completing, then it asks again and succeeds', async () => {
    const { service, sent } = serviceWith([refused('task_not_open'), null], ['open', 'open']);
    await expect(service.complete(TASK, { quantity: 1 }, rep)).resolves.toEqual({ id: TASK, status: 'completed' });
    expect(sent).toHaveLength(2);
  });

  it('given a completion that lost to another (the row is closed by now), when refused, then it answers 409 at once', async () => {
    const { service, sent } = serviceWith([refused('task_not_open')], ['open', 'completed']);
    await expect(service.complete(TASK, {}, rep)).rejects.toMatchObject({ code: 'task_not_open' });
    expect(sent).toHaveLength(1);
  });

  it('given data the form refuses, when completing, then it is not asked again', async () => {
    const { service, sent } = serviceWith([refused('invalid_task_data')], ['open']);
    await expect(service.complete(TASK, {}, rep)).rejects.toMatchObject({ code: 'invalid_task_data' });
    expect(sent).toHaveLength(1);
  });
});
