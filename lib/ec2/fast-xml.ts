// A faster reader of EC2's XML answers with exactly the SDK's output (@aws-sdk/xml-builder's parseXML): issue 11's
// profile of a large region put 27% of the load's CPU in that parser's parseTag, which builds every tag name and
// text character by character (and much of the 19% in garbage collection). This one slices the input instead and
// decodes entities only where there is an `&`. Installed in place of the SDK's XmlShapeDeserializer.parseXml; the
// SDK's schema-driven reading and our zod checks of its output are unchanged. fast-xml.test.ts compares both.
import { XmlShapeDeserializer } from '@aws-sdk/core/protocols';

type XmlValue = string | XmlObject | XmlValue[];
type XmlObject = { [key: string]: XmlValue };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|([a-zA-Z][a-zA-Z0-9]{0,30}));/g;

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, named: string) => {
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    if (dec) return String.fromCharCode(parseInt(dec, 10));
    return ENTITIES[named] ?? '';
  });
}

/** Defines `__proto__` as an own data property, as the SDK's parser does, so a tag of that name is plain data. */
function writeKey(obj: object): void {
  Object.defineProperty(obj, '__proto__', { value: undefined, writable: true, enumerable: true, configurable: true });
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10;
/** Ends a tag name: whitespace, `>` or `/`. */
const endsName = (c: number) => isSpace(c) || c === 62 || c === 47;
/** Ends an attribute name: also `=` and `?`. */
const endsAttr = (c: number) => endsName(c) || c === 61 || c === 63;
const ignorable = (text: string) => text.includes('\n') && text.trim() === '';

/**
 * Elements of an answer the console never reads, left out of its parse (issue 11): an instance's
 * `networkInterfaceSet` in DescribeInstances, 79% of that answer's bytes on `xlarge` (4.2 of 5.3 MB a page). Every
 * ENI comes from DescribeNetworkInterfaces; `Instance.NetworkInterfaces` is undefined in the console (fast-xml-unread.test.ts
 * fails should the code start reading it).
 */
const UNREAD: Record<string, string> = { DescribeInstancesResponse: 'networkInterfaceSet' };

class Parser {
  i = 0;
  readonly z: number;
  /** The element name this document's parse leaves out (UNREAD): undefined until the root element is read. */
  skip: string | null | undefined;
  constructor(
    readonly x: string,
    private readonly unread: Record<string, string> = {},
  ) {
    this.z = x.length;
  }

  /** Past an element whose name has just been read (the name never nests in itself). */
  skipElement(tag: string): void {
    const gt = this.x.indexOf('>', this.i);
    if (gt === -1) this.fail('unexpected end of input.');
    if (this.x.charCodeAt(gt - 1) === 47) {
      this.i = gt + 1;
      return;
    }
    const close = this.x.indexOf(`</${tag}>`, gt);
    if (close === -1) this.fail(`missing closing tag </${tag}>.`);
    this.i = close + tag.length + 3;
  }

  fail(what: string): never {
    throw new Error(`@aws-sdk XML parse error: ${what}`);
  }

  trim(): void {
    while (this.i < this.z && isSpace(this.x.charCodeAt(this.i))) this.i++;
  }

  readTo(stop: string): string {
    const end = this.x.indexOf(stop, this.i);
    if (end === -1) this.fail(`expected "${stop}" not found.`);
    const text = this.x.slice(this.i, end);
    this.i = end + stop.length;
    return text;
  }

  skipDoctype(): void {
    this.i += 9;
    let depth = 0;
    while (this.i < this.z) {
      const c = this.x[this.i];
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth === 0) {
        this.i++;
        return;
      }
      this.i++;
    }
    this.fail('unclosed DOCTYPE.');
  }

  document(): XmlObject {
    const { x } = this;
    while (this.i < this.z) {
      this.trim();
      if (this.i >= this.z) break;
      if (x.startsWith('<?', this.i)) {
        this.readTo('?>');
        this.trim();
      } else if (x.startsWith('<!--', this.i)) {
        this.readTo('-->');
        this.trim();
      } else if (x.slice(this.i, this.i + 9).toLowerCase() === '<!doctype') {
        this.skipDoctype();
        this.trim();
      } else if (x[this.i] === '<') {
        const [tag, value] = this.tag()!; // the root is never left out
        return { [tag]: value };
      } else this.fail('unexpected content.');
    }
    this.fail('no root element.');
  }

  attrValue(): string {
    const quote = this.x[this.i++]!;
    const end = this.x.indexOf(quote, this.i);
    const value = this.x.slice(this.i, end === -1 ? this.z : end);
    this.i = end === -1 ? this.z + 1 : end + 1;
    return decode(value);
  }

  /** The element at `<`: [name, value], or null when it is one the parse leaves out (skip). */
  tag(): [string, XmlValue] | null {
    const { x, z } = this;
    const start = ++this.i;
    while (this.i < z && !endsName(x.charCodeAt(this.i))) this.i++;
    const tag = x.slice(start, this.i);
    if (this.skip === undefined) this.skip = this.unread[tag] ?? null;
    else if (tag === this.skip) {
      this.skipElement(tag);
      return null;
    }
    let attrs: Record<string, string> | null = null;
    while (this.i < z) {
      this.trim();
      const c = x.charCodeAt(this.i);
      if (c === 62 || c === 47) break;
      const nameStart = this.i;
      while (this.i < z && !endsAttr(x.charCodeAt(this.i))) this.i++;
      const name = x.slice(nameStart, this.i);
      this.trim();
      if (x[this.i] !== '=') break;
      this.i++;
      this.trim();
      attrs ??= {};
      if (name === '__proto__') writeKey(attrs);
      attrs[name] = this.attrValue();
    }
    if (this.i >= z) this.fail('unexpected end of input.');
    if (x[this.i] === '/') {
      this.i++;
      if (this.i >= z || x[this.i] !== '>') this.fail('expected > at the end of self-closing tag.');
      this.i++;
      return [tag, attrs ?? ''];
    }
    if (x[this.i] !== '>') this.fail('expected > at the end of opening tag.');
    this.i++;
    const texts: string[] = [];
    let children: [string, XmlValue][] | null = null;
    while (this.i < z) {
      if (x.charCodeAt(this.i) === 60) {
        if (x.charCodeAt(this.i + 1) === 47) break; // </
        if (x.startsWith('<!--', this.i)) this.readTo('-->');
        else if (x.startsWith('<![CDATA[', this.i)) {
          this.i += 9;
          texts.push(this.readTo(']]>'));
        } else if (x.startsWith('<?', this.i)) this.readTo('?>');
        else {
          const child = this.tag();
          if (child) (children ??= []).push(child);
        }
      } else {
        const end = x.indexOf('<', this.i);
        const stop = end === -1 ? z : end;
        texts.push(decode(x.slice(this.i, stop)));
        this.i = stop;
      }
    }
    if (!x.startsWith('</', this.i)) this.fail(`missing closing tag </${tag}>.`);
    this.i += 2;
    const close = this.readTo('>').trim();
    if (close !== tag) this.fail(`mismatched tags <${tag}> and </${close}>.`);
    if (!attrs && texts.length === 0 && !children) return [tag, ''];
    if (!attrs && !children) {
      const text = texts.length === 1 ? texts[0]! : texts.join('');
      return [tag, ignorable(text) ? '' : text];
    }
    const obj: XmlObject = {};
    for (const text of texts) {
      if (ignorable(text)) continue;
      obj['#text'] = '#text' in obj ? `${obj['#text'] as string}${text}` : text;
    }
    for (const [name, value] of children ?? []) {
      if (name === '__proto__') writeKey(obj);
      if (name in obj) {
        const existing = obj[name]!;
        if (Array.isArray(existing)) existing.push(value);
        else obj[name] = [existing, value];
      } else obj[name] = value;
    }
    for (const [k, v] of Object.entries(attrs ?? {})) {
      if (k === '__proto__') writeKey(obj);
      obj[k] = v;
    }
    return [tag, obj];
  }
}

/**
 * The same object as @aws-sdk/xml-builder's parseXML(xml), or the same error; `unread`: per root element, an
 * element name to leave out wherever it occurs (UNREAD).
 */
export function parseXml(xml: string, unread: Record<string, string> = {}): XmlObject {
  return new Parser(xml.includes('\r') ? xml.replace(/\r\n?/g, '\n') : xml, unread).document();
}

/** @smithy/core's getValueFromTextNode: an element with a `#text` becomes that text. */
function valueFromTextNode(obj: Record<string, unknown>): Record<string, unknown> {
  for (const key in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) continue;
    const value = obj[key] as Record<string, unknown>;
    if (value['#text'] !== undefined) obj[key] = value['#text'];
    else if (typeof value === 'object' && value !== null) obj[key] = valueFromTextNode(value);
  }
  return obj;
}

/** XmlShapeDeserializer.parseXml of @aws-sdk/core, over parseXml above. */
function deserializerParseXml(xml: string): unknown {
  if (!xml.length) return {};
  let parsed: XmlObject;
  try {
    parsed = parseXml(xml, UNREAD);
  } catch (e) {
    if (e && typeof e === 'object') Object.defineProperty(e, '$responseBodyText', { value: xml });
    throw e;
  }
  const key = Object.keys(parsed)[0]!;
  const root = parsed[key] as Record<string, unknown>;
  if (root['#text']) {
    root[key] = root['#text'];
    delete root['#text'];
  }
  return valueFromTextNode(root);
}

type Reader = { parseXml: (xml: string) => unknown };
const proto = XmlShapeDeserializer.prototype as unknown as Reader;
const sdkParseXml = proto.parseXml;

/** Which reader every EC2 client of this process uses: ours, or the SDK's own (the bench compares both). */
export function useXmlReader(reader: 'fast' | 'sdk'): void {
  proto.parseXml = reader === 'fast' ? deserializerParseXml : sdkParseXml;
}

/** Our reader, unless ENI_CONSOLE_XML_READER=sdk asks for the SDK's own (a way back, should EC2 ever disagree). */
export function installFastXml(): void {
  useXmlReader(process.env.ENI_CONSOLE_XML_READER === 'sdk' ? 'sdk' : 'fast');
}
