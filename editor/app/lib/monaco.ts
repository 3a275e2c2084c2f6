// Monaco with monaco-yaml fed by the policy schema (completion, hover in Chinese and English,
// schema markers) and the engine's own diagnostics as markers. Monaco 0.57 wants a ready worker:
// the yaml worker is created here and handed its createData (see the stack notes, monaco-yaml #272).

import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/yaml/register';
// the slim entry has no editor contributions: bring in the ones an editor of policies needs
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/esm/vs/editor/contrib/find/browser/findController.js';
// Ctrl+M: Tab leaves the editor instead of indenting (keyboard users need a way out)
import 'monaco-editor/esm/vs/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';
import 'monaco-editor/esm/vs/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/wordHighlighter/browser/wordHighlighter.js';
import 'monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor.js';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from 'monaco-yaml/yaml.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import type { Diagnostic } from '../../../engine/index.js';
import policySchema from '../../../schemas/policy.schema.json';

type WorkerOptions = { label?: string; createData?: unknown; worker?: Worker; [k: string]: unknown };

const createWebWorker = monaco.editor.createWebWorker as unknown as (opts: WorkerOptions) => unknown;
(monaco.editor as unknown as { createWebWorker: (opts: WorkerOptions) => unknown }).createWebWorker = (
  opts: WorkerOptions,
) => {
  if (opts.worker || opts.label !== 'yaml') return createWebWorker(opts);
  const worker = new YamlWorker();
  worker.postMessage('ignore'); // the first message starts the worker's loop
  worker.postMessage(opts.createData); // the second carries the options
  return createWebWorker({ ...opts, worker });
};

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

/**
 * The schema a roll-up policy (a top-level `rollup:`) is checked against: `$defs/rollupPolicy` of the
 * same file, as the root. Its references into the monthly root (`#/properties/…`) are pointed at a
 * copy of those properties, so both kinds read one schema file and nothing is written twice.
 */
const rollupSchema = (() => {
  const copy = JSON.parse(
    JSON.stringify(policySchema).replaceAll('"#/properties/', '"#/$defs/monthlyRoot/properties/'),
  ) as { $schema?: string; properties: unknown; $defs: Record<string, Record<string, unknown>> };
  return {
    $schema: copy.$schema,
    ...copy.$defs.rollupPolicy,
    $defs: { ...copy.$defs, monthlyRoot: { properties: copy.properties } },
  };
})();

const schemaFor = (kind: 'monthly' | 'rollup') => ({
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  format: { enable: false },
  schemas: [
    {
      uri: `https://yardstick.local/schemas/${kind === 'rollup' ? 'rollup-policy' : 'policy'}.schema.json`,
      fileMatch: ['*'],
      schema: (kind === 'rollup' ? rollupSchema : policySchema) as never,
    },
  ],
});

const yaml = configureMonacoYaml(monaco as never, schemaFor('monthly'));
let schemaKind: 'monthly' | 'rollup' = 'monthly';

/** Hover, completion and schema markers for a month's policy or a roll-up policy. */
export function useSchema(kind: 'monthly' | 'rollup'): void {
  if (kind === schemaKind) return;
  schemaKind = kind;
  void yaml.update(schemaFor(kind));
}

export function createEditor(
  host: HTMLElement,
  text: string,
  onChange: (text: string) => void,
): monaco.editor.IStandaloneCodeEditor {
  const model = monaco.editor.createModel(text, 'yaml', monaco.Uri.parse('file:///policy.yaml'));
  const editor = monaco.editor.create(host, {
    model,
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    tabSize: 2,
    insertSpaces: true,
    scrollBeyondLastLine: false,
    renderWhitespace: 'boundary',
    wordWrap: 'off',
  });
  model.onDidChangeContent(() => onChange(model.getValue()));
  return editor;
}

/** Replaces the text as one undoable edit, keeping the cursor where it can. */
export function replaceText(editor: monaco.editor.IStandaloneCodeEditor, text: string): void {
  const model = editor.getModel()!;
  if (model.getValue() === text) return;
  editor.pushUndoStop();
  editor.executeEdits('panel', [{ range: model.getFullModelRange(), text }]);
  editor.pushUndoStop();
}

/**
 * Shows `text` and whether it may be edited. A read-only editor refuses even the page's own edits,
 * so the text is replaced while the editor is writable.
 */
export function showText(
  editor: monaco.editor.IStandaloneCodeEditor,
  text: string,
  readOnly: boolean,
  readOnlyMessage: string,
): void {
  editor.updateOptions({ readOnly: false });
  replaceText(editor, text);
  editor.updateOptions({ readOnly, readOnlyMessage: { value: readOnlyMessage } });
}

export function setEngineMarkers(editor: monaco.editor.IStandaloneCodeEditor, diagnostics: Diagnostic[]): void {
  const model = editor.getModel();
  if (!model) return;
  monaco.editor.setModelMarkers(
    model,
    'yardstick',
    diagnostics
      .filter((d) => d.span)
      .map((d) => ({
        severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        message: d.help ? `${d.message}\n${d.help}` : d.message,
        code: d.code,
        startLineNumber: d.span!.line,
        startColumn: d.span!.column,
        endLineNumber: d.span!.endLine ?? d.span!.line,
        endColumn:
          d.span!.endLine && d.span!.endLine !== d.span!.line
            ? model.getLineMaxColumn(d.span!.line)
            : (d.span!.endColumn ?? model.getLineMaxColumn(d.span!.line)),
      })),
  );
}

export function revealLine(editor: monaco.editor.IStandaloneCodeEditor, line: number, column = 1): void {
  editor.revealLineInCenter(line);
  editor.setPosition({ lineNumber: line, column });
  editor.focus();
}

/** Brings a line into view without taking the focus (an edit made from a panel). */
export function showLine(editor: monaco.editor.IStandaloneCodeEditor, line: number): void {
  editor.revealLineInCenter(line);
}

export type { monaco };

/**
 * Monaco's tab-focus mode (Tab leaves the editor instead of indenting), toggled by Ctrl+M inside
 * the editor or by `toggle()`; `listener` hears every change, since Monaco does not say.
 */
export function tabFocusSwitch(
  editor: monaco.editor.IStandaloneCodeEditor,
  listener: (on: boolean) => void,
): { toggle: () => void } {
  let on = false;
  const toggle = () => {
    editor.trigger('keyboard', 'editor.action.toggleTabFocusMode', null);
    on = !on;
    listener(on);
  };
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyM, toggle);
  return { toggle };
}
