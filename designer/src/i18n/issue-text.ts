/**
 * Validation issues in the UI language. The template language writes its messages in English,
 * naming the element and what to do; in Chinese the designer shows one sentence per issue code
 * (the element is shown beside it) and keeps the English detail as the tooltip.
 */
import type { ValidationCode, ValidationIssue } from '@orderpath/workflows/definition/validate';
import type { Lang } from './translate';

const ZH: Record<ValidationCode, string> = {
  schema: '字段不符合模板格式：请按提示修正该字段的值。',
  duplicate_id: '编号重复：节点和连线的编号必须各不相同，请重命名。',
  dangling_edge: '连线的起点或终点不存在：请重新连接或删除该连线。',
  no_start: '缺少开始节点：请从组件面板添加一个开始节点。',
  multiple_starts: '开始节点多于一个：一个模板只能有一个开始节点。',
  no_end: '缺少结束节点：请添加至少一个结束节点。',
  start_has_incoming: '开始节点不能有进入的连线。',
  end_has_outgoing: '结束节点不能有流出的连线。',
  missing_outgoing: '该节点没有流出的连线：请把它连接到下一步。',
  too_many_outgoing: '该节点有多条流出连线：只有网关可以分支，请在它后面加一个排他网关或并行网关。',
  too_many_nodes: '节点数量超出上限：请把部分步骤移到子流程（调用其他模板）中。',
  unreachable_node: '该节点从开始节点无法到达：请把它连入流程或删除。',
  cannot_reach_end: '从该节点无法到达结束节点：订单会停在这里。',
  gateway_no_default: '排他网关没有默认连线：当所有条件都不成立时订单会卡住，请把一条连线设为默认。',
  gateway_multiple_defaults: '排他网关有多条默认连线：只能保留一条。',
  missing_condition: '排他网关的非默认连线缺少条件：请填写条件表达式。',
  condition_on_non_gateway: '该连线的条件会被忽略：它不是从排他网关流出的。请在分支前加排他网关，或删除条件。',
  bad_condition: '条件表达式无效：请检查语法和变量名。',
  parallel_mismatch: '并行分支与汇合不匹配：汇合网关会一直等待没有分出的分支，请让并行网关分出的分支在同一个并行网关汇合。',
  loop_without_wait: '循环中没有等待步骤，会无限空转：请在循环内放一个用户任务、定时器、消息等待或子流程。',
  unknown_stage: '引用了不存在的阶段：请先在模板属性中添加该阶段。',
  unknown_role: '未知的角色：请从角色列表中选择。',
  unknown_activity: '未注册的服务活动：请从活动列表中选择。',
  unknown_template: '子流程引用的模板不存在或尚未发布。',
  bad_duration: '时长格式无效：请使用 ISO-8601，例如 P3D（3 天）或 PT4H（4 小时）。',
  timer_needs_duration_or_until: '定时器需要设置时长或截止时间表达式（二选一）。',
  bad_on_overdue: '逾期处理设置有误：请选择“升级”或该任务的一条流出连线（并保留正常完成的连线），且需设置期限。',
  bad_timeout_edge: '消息等待的超时设置有误：超时时长和超时连线需同时设置，超时连线须是该节点的流出连线之一，且另有消息到达时的连线。',
  bad_expression: '表达式无效：请检查语法和变量名。',
  form_duplicate_key: '表单字段的键重复：每个字段的键必须唯一。',
  form_bad_key: '表单字段的键无法在表达式中读取：请重命名该字段（字母开头，只含字母、数字和下划线）。',
  form_bad_options: '选择字段的选项无效：至少需要一个选项，且取值不能重复。',
  form_bad_range: '表单字段的取值范围无效：最小值不能大于最大值。',
  form_bad_columns: '列定义有误：表格字段需要至少一列，其他类型的字段不能有列。',
  internal_error: '校验时发生内部错误：请把该模板反馈给管理员。',
};

/** The issue's message in `lang`; `detail` is the English original when the text is translated. */
export function issueText(lang: Lang, issue: ValidationIssue): { text: string; detail?: string } {
  const translated = lang === 'zh' ? ZH[issue.code as ValidationCode] : undefined;
  return translated ? { text: translated, detail: issue.message } : { text: issue.message };
}
