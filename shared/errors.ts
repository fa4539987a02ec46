/** One broken rule: which field, and what the rule is, in words a user can act on. */
export interface FieldIssue {
  field: string;
  rule: string;
}

/**
 * Bad input. Whoever throws it has changed nothing; the CLI maps it to exit status 2 and the
 * renderer shows each issue beside its field.
 */
export class ValidationError extends Error {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.rule}`).join('; '));
    this.name = 'ValidationError';
    this.issues = issues;
  }
  static one(field: string, rule: string): ValidationError {
    return new ValidationError([{ field, rule }]);
  }
}

/** A referenced thing does not exist (an entry id, an account name). Also changes nothing. */
export class NotFoundError extends Error {
  constructor(readonly field: string, readonly value: string) {
    super(`${field}: no ${field} ${JSON.stringify(value)}`);
    this.name = 'NotFoundError';
  }
}
