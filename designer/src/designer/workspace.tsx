/**
 * The designer: palette, canvas, properties, issues and the toolbar (save, publish, undo/redo,
 * clipboard, layout, BPMN). The model lives in the EditorStore; this component wires it up.
 */
import { useCallback, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Definition, NodeType } from '@orderpath/workflows/definition/schema';
import type { ValidationContext, ValidationIssue } from '@orderpath/workflows/definition/validate';
import { ApiError, errorText } from '../api/client';
import { publishTemplate, saveDraft, validateTemplate } from '../api/endpoints';
import { useApp } from '../app/app-context';
import { type CanvasHandle, DesignCanvas, type Selection } from '../canvas/design-canvas';
import type { Decorations } from '../canvas/flow-types';
import { replaceDefinitionCommand } from '../core/commands/replace-definition.command';
import type { EditorStore } from '../core/editor-store';
import { withLayout, needsLayout } from '../core/layout';
import { worst } from '../core/issue-index';
import { Notice } from '../components/notice';
import { stageName } from '../i18n/translate';
import { bpmnToDefinition, definitionToBpmn, downloadText, pickFile } from './bpmn-files';
import { IssuesPanel } from './issues-panel';
import { Palette } from './palette';
import { PropertiesPanel } from './properties/properties-panel';
import { Toolbar, type ToolbarProps } from './toolbar';
import { useDesignerCommands } from './use-designer-commands';
import { useLiveIssues } from './use-live-issues';

interface Props {
  store: EditorStore;
  ctx: ValidationContext;
  activities: readonly string[];
  templates: readonly string[];
  onPublished?(version: number): void;
}

type Flash = { kind: 'success' | 'error' | 'info' | 'warning'; text: string; testId?: string } | null;

export function Workspace({ store, ctx, activities, templates, onPublished }: Props) {
  const { t } = useApp();
  const snap = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const def = snap.def;
  const canvas = useRef<CanvasHandle>(null);
  const [selection, setSelection] = useState<Selection>({ nodes: [], edges: [] });
  const [server, setServer] = useState<{ revision: number; issues: ValidationIssue[] }>({ revision: -1, issues: [] });
  const [flash, setFlash] = useState<Flash>(null);
  const [busy, setBusy] = useState(false);
  const [, setClipTick] = useState(0);
  const onClipChange = useCallback(() => setClipTick((n) => n + 1), []);
  const commands = useDesignerCommands(store, selection, canvas, onClipChange);
  const index = useLiveIssues(def, ctx, server.revision === snap.revision ? server.issues : []);

  const deco = useMemo<Decorations>(() => {
    const severity = new Map<string, 'error' | 'warning'>();
    const issueText = new Map<string, string>();
    for (const [id, list] of [...index.byNode, ...index.byEdge]) {
      severity.set(id, worst(list)!);
      issueText.set(id, list.map((i) => i.message).join('\n'));
    }
    return { severity, issueText };
  }, [index]);
  const kindLabel = useCallback((type: NodeType) => t(`kind.${type}`), [t]);
  const stageLabel = useCallback((id: string) => stageName(t, id, def.stages.find((s) => s.id === id)?.name), [t, def.stages]);
  const onRefused = useCallback((reason: string) => setFlash({ kind: 'warning', text: t('designer.refused', { reason }), testId: 'refused' }), [t]);
  const onFocus = useCallback((id: string) => canvas.current?.focus(id), []);

  const save = async (): Promise<boolean> => {
    const revision = store.getSnapshot().revision;
    const res = await saveDraft(def.key, store.def);
    store.markSaved();
    setServer({ revision, issues: res.issues ?? [] });
    return true;
  };

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setFlash(null);
    try {
      await fn();
    } catch (err) {
      setFlash({ kind: 'error', text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  const importBpmn = async () => {
    const file = await pickFile();
    if (!file) return;
    const { definition, warnings } = await bpmnToDefinition(file.text);
    const next = { ...(needsLayout(definition) ? withLayout(definition) : definition), key: def.key } as Definition;
    store.execute(replaceDefinitionCommand(store.def, next, 'Import BPMN'));
    setFlash({ kind: warnings.length ? 'warning' : 'success', text: `${t('designer.importWarnings', { count: warnings.length })} ${warnings.map((w) => w.message).join(' · ')}` });
  };

  const onAction: ToolbarProps['onAction'] = (action) => {
    switch (action) {
      case 'save':
        return void run(async () => { await save(); setFlash({ kind: 'success', text: t('designer.saved'), testId: 'saved' }); });
      case 'publish':
        return void run(async () => {
          await save();
          // Ask first (200 with issues), so a refusal is an answer, not a failed request.
          const check = await validateTemplate(def.key);
          if (!check.valid) {
            setServer({ revision: store.getSnapshot().revision, issues: check.issues });
            setFlash({ kind: 'error', text: t('designer.publishRefused', { count: check.issues.filter((i) => i.severity === 'error').length }), testId: 'publish-refused' });
            return;
          }
          try {
            const { version } = await publishTemplate(def.key);
            setFlash({ kind: 'success', text: t('designer.published', { version }), testId: 'published' });
            onPublished?.(version);
          } catch (err) {
            if (!(err instanceof ApiError) || !err.issues.length) throw err;
            setServer({ revision: store.getSnapshot().revision, issues: err.issues });
            setFlash({ kind: 'error', text: t('designer.publishRefused', { count: err.issues.filter((i) => i.severity === 'error').length }), testId: 'publish-refused' });
          }
        });
      case 'export':
        return void run(async () => downloadText(`${def.key}.bpmn`, await definitionToBpmn(store.def)));
      case 'import':
        return void run(importBpmn);
      case 'delete':
        return commands.remove();
      default:
        return commands[action]();
    }
  };

  return (
    <div className="workspace">
      <Toolbar templateKey={def.key} canUndo={snap.canUndo} canRedo={snap.canRedo} undoLabel={snap.undoLabel} redoLabel={snap.redoLabel}
        dirty={snap.dirty} hasSelection={selection.nodes.length + selection.edges.length > 0} canPaste={commands.hasClip()} busy={busy} onAction={onAction} />
      {flash && <Notice kind={flash.kind} testId={flash.testId ?? 'flash'}>{flash.text}</Notice>}
      <div className="workspace-body">
        <Palette onAdd={commands.addNode} />
        <DesignCanvas store={store} def={def} deco={deco} kindLabel={kindLabel} stageLabel={stageLabel} handle={canvas}
          onSelectionChange={setSelection} onRefused={onRefused} onDropKind={commands.addNode} />
        <PropertiesPanel def={def} selection={selection} index={index} actions={commands} activities={activities} templates={templates} />
      </div>
      <IssuesPanel def={def} index={index} onFocus={onFocus} />
    </div>
  );
}
