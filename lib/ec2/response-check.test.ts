// The root-element check that keeps a web page or another service's XML from reading as an empty account.
import { describe, expect, it } from 'vitest';
import { checkResponseRoot, MalformedResponseError, rootElement } from './response-check';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('rootElement', () => {
  it.each([
    [
      '<DescribeVpcsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><vpcSet/></DescribeVpcsResponse>',
      'DescribeVpcsResponse',
    ],
    ['\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n  <DescribeVpcsResponse>', 'DescribeVpcsResponse'],
    [
      '<?xml version="1.0"?><!-- generated --><!DOCTYPE x><ec2:DescribeVpcsResponse xmlns:ec2="urn:x">',
      'DescribeVpcsResponse',
    ],
    ['<!DOCTYPE html>\n<html><body>It works</body></html>', 'html'],
    ['{"Vpcs": []}', null],
    ['', null],
    ['<?xml version="1.0"', null],
  ])('reads %j as %s', (text, root) => {
    expect(rootElement(text)).toBe(root);
  });
});

describe('checkResponseRoot', () => {
  it("passes the action's own document", () => {
    expect(() =>
      checkResponseRoot(
        'DescribeVpcs',
        200,
        bytes('<?xml version="1.0"?>\n<DescribeVpcsResponse><vpcSet/></DescribeVpcsResponse>'),
      ),
    ).not.toThrow();
  });

  it('leaves error statuses to the SDK (the EC2 error envelope has the root <Response>)', () => {
    expect(() => checkResponseRoot('DescribeVpcs', 400, bytes('<Response><Errors/></Response>'))).not.toThrow();
    expect(() => checkResponseRoot('DescribeVpcs', 502, bytes('<html/>'))).not.toThrow();
  });

  it.each([
    [
      '<DescribeSubnetsResponse><subnetSet/></DescribeSubnetsResponse>',
      'a document with root <DescribeSubnetsResponse>',
    ],
    ['<html><body>Default page</body></html>', 'a document with root <html>'],
    ['OK', 'a body that is not XML'],
    ['', 'an empty body'],
  ])('refuses a 200 answering %j, saying it got %s', (text, found) => {
    let error: unknown;
    try {
      checkResponseRoot('DescribeVpcs', 200, bytes(text));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).toMatchObject({ action: 'DescribeVpcs', httpStatus: 200, found });
  });
});
