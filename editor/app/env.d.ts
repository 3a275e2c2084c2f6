/// <reference types="vite/client" />
declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component<Record<string, unknown>>;
  export default component;
}
// monaco's editor features are imported one by one for their side effects; they declare nothing
declare module 'monaco-editor/esm/vs/editor/contrib/*';
