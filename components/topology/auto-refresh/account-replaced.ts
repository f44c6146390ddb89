// The console's own replacement of the whole account (a demo reset to a scenario): the next read differs in
// everything, and none of it was done outside the console, so "Changed since …" starts over instead of listing it.
let replacements = 0;

/** Called once the reset is done, before the view reads the account again. */
export function noteAccountReplaced(): void {
  replacements += 1;
}

/** How many replacements so far: the changes panel compares it with the count it last saw. */
export const accountReplacements = (): number => replacements;
