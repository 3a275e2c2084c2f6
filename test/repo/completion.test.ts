// `yardstick completion bash|zsh|fish` is generated from the commands the program declares: every
// command and subcommand `--help` lists is in every script, and the bash script completes
// commands, options, choices and policy files when bash runs it.

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { yardstick } from '../yardstick.js';

/** The commands `--help` lists (the first word of each line under `Commands:`), `help` aside. */
async function commandsOf(...path: string[]): Promise<string[]> {
  const help = (await yardstick(...path, '--help')).stdout;
  const section = help.slice(help.indexOf('Commands:\n') + 'Commands:\n'.length);
  return [...section.matchAll(/^ {2}([a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
}

describe('shell completion', () => {
  it.each(['bash', 'zsh', 'fish'])('the %s script names every command and subcommand', async (shell) => {
    const top = await commandsOf();
    const data = await commandsOf('data');
    // the commands of this branch, and any another branch adds, since `--help` is read, not a list
    for (const c of ['validate', 'run', 'init', 'check', 'completion', 'textconv']) expect(top).toContain(c);
    expect(data).toEqual(['inspect', 'sql']);
    const r = await yardstick('completion', shell);
    expect(r.code).toBe(0);
    for (const c of top) expect(r.stdout, c).toMatch(new RegExp(`['" ]${c}['" ]`));
    for (const c of data) expect(r.stdout, `data ${c}`).toMatch(new RegExp(`['" ]${c}['" ]`));
    // every option of `check` (a command read at random would do)
    for (const o of ['--base', '--data', '--staged', '--lang', '--error-format'])
      expect(r.stdout).toContain(shell === 'fish' ? `-l ${o.slice(2)}` : o);
  });

  it('bash completes commands, options, choices and policy files', async () => {
    const script = (await yardstick('completion', 'bash')).stdout;
    const complete = (...words: string[]) =>
      execFileSync(
        'bash',
        [
          '-c',
          `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _yardstick; printf '%s\\n' "\${COMPREPLY[@]}"`,
        ],
        { encoding: 'utf8' },
      )
        .split('\n')
        .filter(Boolean);
    expect(complete('yardstick', 'st')).toEqual(['statements']);
    expect(complete('yardstick', 'data', '')).toEqual(['inspect', 'sql']);
    expect(complete('yardstick', 'check', '--st')).toEqual(['--staged']);
    expect(complete('yardstick', 'run', 'x', '--format', '')).toEqual(['table', 'json', 'ndjson', 'csv', 'md', 'xlsx']);
    expect(complete('yardstick', 'init', '--template', '')).toEqual(['startup-team', 'mature-team', 'livestream-team']);
    // policies, not their tests, then any YAML file and folder
    expect(complete('yardstick', 'run', 'policies/l')).toEqual(['policies/livestream-team.yaml']);
    expect(complete('yardstick', 'validate', 'editor/templates/s')).toEqual(['editor/templates/startup-team.yaml']);
  });
});
