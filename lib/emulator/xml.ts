// XML writer for EC2 Query responses (ec2-rules §1.2) and the error envelope (ec2-rules §1.3), built by string concatenation for speed.

/** A response body: object keys are element names in order; arrays become wrapper + <item>; null/undefined omitted. */
export type XmlValue = string | number | boolean | Date | null | undefined | XmlObject | XmlValue[];
export interface XmlObject {
  [element: string]: XmlValue;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string) : text;
}

function scalar(v: string | number | boolean | Date): string {
  if (typeof v === 'string') return escapeXml(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false'; // lowercase booleans (ec2-rules §1.2)
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

function writeValue(out: string[], name: string, v: XmlValue): void {
  if (v === null || v === undefined) return;
  if (Array.isArray(v)) {
    // Empty collections are sent as an empty wrapper so the SDK yields [] rather than undefined (ec2-rules §1.2).
    if (v.length === 0) {
      out.push(`<${name}/>`);
      return;
    }
    out.push(`<${name}>`);
    for (const item of v) {
      if (item === null || item === undefined) continue;
      if (typeof item === 'object' && !(item instanceof Date) && !Array.isArray(item)) {
        out.push('<item>');
        writeObject(out, item);
        out.push('</item>');
      } else writeValue(out, 'item', item);
    }
    out.push(`</${name}>`);
    return;
  }
  if (typeof v === 'object' && !(v instanceof Date)) {
    out.push(`<${name}>`);
    writeObject(out, v);
    out.push(`</${name}>`);
    return;
  }
  const text = scalar(v);
  out.push(text === '' ? `<${name}/>` : `<${name}>${text}</${name}>`);
}

function writeObject(out: string[], obj: XmlObject): void {
  for (const key in obj) writeValue(out, key, obj[key]);
}

export const EC2_XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** `<XResponse xmlns=…><requestId/>…members…</XResponse>`: no Result wrapper on EC2 (ec2-rules §1.2). */
export function successXml(action: string, requestId: string, body: XmlObject): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<${action}Response xmlns="${EC2_XMLNS}">`];
  out.push(`<requestId>${requestId}</requestId>`);
  writeObject(out, body);
  out.push(`</${action}Response>`);
  return out.join('');
}

/** Root <Response> without namespace, then <RequestID> with capital ID (ec2-rules §1.3). */
export function errorXml(code: string, message: string, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<Response><Errors><Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error></Errors>` +
    `<RequestID>${requestId}</RequestID></Response>`
  );
}
