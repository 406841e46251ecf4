// bpmn-moddle 10 ships element types (`bpmn-moddle/types`) but none for its entry point; this
// declares the slice of the API the BPMN layer uses. Elements stay moddle's loosely typed
// `ModdleElement`: the import side reads arbitrary third-party XML and narrows by `$type`.
declare module 'bpmn-moddle' {
  import type { Moddle, ModdleElement, PackageDefinition } from 'moddle';

  export interface ParseWarning {
    message: string;
    element?: ModdleElement;
    property?: string;
    value?: unknown;
  }

  export interface ParseResult {
    rootElement: ModdleElement;
    warnings: ParseWarning[];
    elementsById: Record<string, ModdleElement>;
  }

  export class BpmnModdle extends Moddle {
    constructor(packages?: Record<string, PackageDefinition>, options?: { strict?: boolean });
    fromXML(xml: string, typeName?: string, options?: { lax?: boolean }): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
  }
}
