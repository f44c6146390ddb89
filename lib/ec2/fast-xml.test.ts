import { parseXML } from '@aws-sdk/xml-builder';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXml } from './fast-xml';

/** Both parsers' answer to one input: the object, or the error message. */
function outcome(parse: (xml: string) => unknown, xml: string): unknown {
  try {
    return { ok: parse(xml) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
const same = (xml: string) => expect(outcome(parseXml, xml)).toEqual(outcome(parseXML, xml));

const ec2Answer = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeNetworkInterfacesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
    <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
    <networkInterfaceSet>
        <item>
            <networkInterfaceId>eni-0f7db16ed3EXAMPLE</networkInterfaceId>
            <description>a &quot;web&quot; &amp; app &#x41;&#66; &unknown; leg</description>
            <privateIpAddressesSet>
                <item><privateIpAddress>10.0.1.10</privateIpAddress><primary>true</primary></item>
                <item><privateIpAddress>10.0.1.11</privateIpAddress><primary>false</primary></item>
            </privateIpAddressesSet>
            <tagSet/>
            <groupSet><item><groupName><![CDATA[<web> & more]]></groupName></item></groupSet>
            <!-- a comment -->
        </item>
    </networkInterfaceSet>
</DescribeNetworkInterfacesResponse>`;

describe('the fast XML reader', () => {
  it('reads an EC2 answer exactly as the SDK parser does: sets, entities, CDATA, comments, empty tags', () => {
    same(ec2Answer);
    same(ec2Answer.replace(/\n/g, '\r\n'));
    same('<a x="1" y=\'t&amp;u\'>text<b/>more<b>2</b></a>');
    same('<a>  \n  </a>');
    same('<a><__proto__>x</__proto__></a>');
    same('<!DOCTYPE a [<!ENTITY e "x">]><a>1</a>');
  });

  it('fails where the SDK parser fails, with its message', () => {
    for (let n = 0; n < ec2Answer.length; n += 7) same(ec2Answer.slice(0, n));
    for (const bad of ['', 'text', '<a>', '<a></b>', '<a/x>', '<a x="1"', '<?xml?>']) same(bad);
  });

  it('agrees with the SDK parser on random documents', () => {
    const name = fc.constantFrom('item', 'a', 'Set', 'privateIp', 'x-y', '__proto__', 'ns:tag');
    const text = fc
      .stringMatching(/^[a-z0-9 \n&<>"';#x]{0,12}$/)
      .map((s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    const attrs = fc.array(fc.tuple(fc.constantFrom('id', 'type', 'xmlns'), text), { maxLength: 2 });
    const { node } = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.tuple(name, attrs).map(([n, as]) => `<${n}${as.map(([k, v]) => ` ${k}="${v}"`).join('')}/>`),
        fc
          .tuple(
            name,
            attrs,
            fc.array(fc.oneof(text, tie('node'), fc.constant('<!--c-->'), fc.constant('<![CDATA[<&>]]>')), {
              maxLength: 4,
            }),
          )
          .map(([n, as, kids]) => `<${n}${as.map(([k, v]) => ` ${k}="${v}"`).join('')}>${kids.join('')}</${n}>`),
      ),
    }));
    fc.assert(
      fc.property(node, (xml) => {
        same(xml);
      }),
      { numRuns: 500 },
    );
  });
});
