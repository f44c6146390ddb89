// Environment variables a test changes and puts back: remembered as they were, restored (or unset) after.

/** Remembers `names` as they are now; the returned function puts each back, unsetting those that were unset. */
export function keepEnv(...names: string[]): () => void {
  const saved = names.map((name) => [name, process.env[name]] as const);
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
