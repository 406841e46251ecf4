/**
 * BPMN files in the browser: export the template (client-side exportBpmn, or the API's export of
 * a published version when asked) as a download, and read a picked file through importBpmn.
 * The BPMN module (bpmn-moddle) loads on first use.
 */
import type { Definition } from '@orderpath/workflows/definition/schema';
import type { BpmnImportResult } from '@orderpath/workflows/definition/bpmn';

export async function definitionToBpmn(def: Definition): Promise<string> {
  const { exportBpmn } = await import('@orderpath/workflows/definition/bpmn');
  return exportBpmn(def);
}

export function downloadText(fileName: string, text: string, type = 'application/xml'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function bpmnToDefinition(xml: string): Promise<BpmnImportResult> {
  const { importBpmn } = await import('@orderpath/workflows/definition/bpmn');
  return importBpmn(xml);
}

/** Lets the user pick a .bpmn file; resolves with its text (null when cancelled). */
export function pickFile(accept = '.bpmn,.xml'): Promise<{ name: string; text: string } | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.setAttribute('data-testid', 'bpmn-file-input');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) resolve(null);
      else void file.text().then((text) => resolve({ name: file.name, text }));
    });
    input.addEventListener('cancel', () => { input.remove(); resolve(null); });
    document.body.append(input);
    input.click();
  });
}
