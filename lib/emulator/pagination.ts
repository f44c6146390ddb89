// MaxResults/NextToken pagination of describes (ec2-rules §1.5): range checks, ID-list exclusivity, opaque tokens.
import { Ec2Error, invalidCombination, invalidValue } from './errors';
import type { Params } from './params';

export interface PageRules {
  action: string;
  min: number;
  max: number;
  /** Wire name EC2 uses in the IDs+MaxResults error, when the two may not be combined (ec2-rules §1.5). */
  idSetName?: string;
  idsGiven: boolean;
  /** Page size when MaxResults is absent; all items when unset. */
  defaultSize?: number;
}

function encodeToken(action: string, offset: number): string {
  return Buffer.from(JSON.stringify({ a: action, o: offset })).toString('base64url');
}

function decodeToken(action: string, token: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'a' in parsed && 'o' in parsed) {
      const { a, o } = parsed as { a: unknown; o: unknown };
      if (a === action && typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
    }
  } catch {
    // fall through to the error below
  }
  throw new Ec2Error('InvalidNextToken', `The token '${token}' is invalid.`);
}

export function paginate<T>(items: T[], params: Params, rules: PageRules): { page: T[]; nextToken?: string } {
  const max = params.int('MaxResults');
  const token = params.str('NextToken');
  if (max !== undefined) {
    if (rules.idsGiven && rules.idSetName) {
      throw invalidCombination(`The parameter ${rules.idSetName} cannot be used with the parameter maxResults`);
    }
    if (max < rules.min) {
      throw invalidValue(
        `Value ( ${max} ) for parameter maxResults is invalid. Expecting a value greater than ${rules.min}.`,
      );
    }
    if (max > rules.max) {
      throw invalidValue(
        `Value ( ${max} ) for parameter maxResults is invalid. Expecting a value less than ${rules.max}.`,
      );
    }
  }
  const offset = token === undefined || token === '' ? 0 : decodeToken(rules.action, token);
  const size = max ?? rules.defaultSize ?? items.length;
  const page = items.slice(offset, offset + size);
  const next = offset + size;
  return next < items.length ? { page, nextToken: encodeToken(rules.action, next) } : { page };
}
