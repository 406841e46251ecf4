/**
 * Warnings returned by importBpmn: one per element, extension or expression that could not be
 * mapped exactly. Codes are stable; messages say what was done and what to fix.
 */
export const IMPORT_WARNING_CODES = [
  'xml_warning', // moddle could not read part of the XML (unknown extension element, broken reference)
  'multiple_processes', // only the first process with flow elements is imported
  'key_normalised', // the process id was not a valid template key
  'id_normalised', // an element id had characters template ids do not allow
  'role_normalised', // a lane name was turned into a role
  'unsupported_element', // an element was dropped
  'element_bridged', // a dropped element with one way in and one way out was bridged by its incoming edge
  'dropped_flow', // a sequence flow touching a dropped element was dropped
  'event_trigger_ignored', // a start/end event's trigger or result (timer, message, error…) was ignored
  'task_as_user_task', // a plain or manual task became a user task
  'mapped_as_service_task', // a send/script/business-rule task with a job type became a service task
  'missing_role', // a user task with no lane and no candidate group
  'missing_activity', // a service task with no job type
  'missing_message', // a message catch without a message name
  'missing_called_element', // a call activity without a called process
  'unknown_category', // orderpath:timeAllocation category not in the time categories
  'bad_extension', // an orderpath extension element could not be read (bad JSON)
  'feel_not_translated', // a FEEL expression was kept verbatim (minus `=`) and needs rewriting
  'timer_not_mapped', // a time cycle or a timer without a time
  'unsupported_boundary_event', // a boundary event other than a timer on a user task / receive task
  'boundary_flow_dropped', // an extra or non-interrupting path out of a boundary timer
  'loop_not_supported', // loop or multi-instance characteristics were ignored
  'form_not_mapped', // zeebe:formDefinition (forms are defined in OrderPath)
  'io_mapping_not_mapped', // zeebe:ioMapping on an element that has no mappings (user task, event)
  'task_headers_not_mapped', // zeebe:taskHeaders
  'extension_not_mapped', // any other extension element
  'schema_invalid', // the mapped definition still fails the template schema
] as const;

export type BpmnImportWarningCode = (typeof IMPORT_WARNING_CODES)[number];

export interface BpmnImportWarning {
  code: BpmnImportWarningCode;
  message: string;
  elementId?: string;
}
