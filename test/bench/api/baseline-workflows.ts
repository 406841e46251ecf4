/** The workflows of the complete_to_next baselines, bundled together for one worker process. */
export { updateEcho } from './update-echo.workflow';
export { twoTasksByHand } from './two-tasks-by-hand.workflow';

export const BASELINE_TASK_QUEUE = 'bench-baselines';
