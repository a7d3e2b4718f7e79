// Minimal `--name value` / `--flag` parser for the CLI and the bridge; repeated options collect into arrays.
export interface ParsedArgs {
  values: Map<string, string[]>;
  flags: Set<string>;
}

export function parseArgs(argv: string[], flagNames: string[] = []): ParsedArgs {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument: ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    if (flagNames.includes(name)) {
      flags.add(name);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return { values, flags };
}

export function single(args: ParsedArgs, name: string): string | undefined {
  const v = args.values.get(name);
  if (v && v.length > 1) throw new Error(`--${name} given more than once`);
  return v?.[0];
}
