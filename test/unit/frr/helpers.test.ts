// Table tests of the small helpers the parser and views rely on: AS numbers, address syntax, secrets,
// keyword abbreviations and the node tables.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asnValue, isIpv4, isIpv6, isValidAsn, parseFrr, secretRange } from '../../../server/src/core/frr';
import { nodeAccepts, openedNode, pick } from '../../../server/src/core/frr/nodes';

describe('AS numbers', () => {
  it('accepts plain 1-4294967295 and asdot 0.1-65535.65535 and gives their 32-bit value', () => {
    const cases: [string, number | undefined][] = [
      ['1', 1],
      ['65001', 65001],
      ['4294967295', 4294967295],
      ['0', undefined],
      ['4294967296', undefined],
      ['99999999999', undefined],
      ['1.10', 65546],
      ['0.1', 1],
      ['65535.65535', 4294967295],
      ['0.0', undefined],
      ['65536.0', undefined],
      ['1.65536', undefined],
      ['1.', undefined],
      ['.1', undefined],
      ['-1', undefined],
      ['abc', undefined],
      ['', undefined],
    ];
    for (const [text, value] of cases) {
      assert.equal(asnValue(text), value, text);
      assert.equal(isValidAsn(text), value !== undefined, text);
    }
  });
});

describe('address syntax', () => {
  it('tells IPv4 dotted quads from other words', () => {
    for (const s of ['0.0.0.0', '10.0.0.1', '255.255.255.255']) assert.ok(isIpv4(s), s);
    for (const s of ['256.0.0.1', '10.0.0', '10.0.0.1.1', '010.0.0.1', '10.0.0.1/24', 'a.b.c.d', '']) assert.ok(!isIpv4(s), s);
  });

  it('tells IPv6 addresses (RFC 4291 text form, optional zone) from other words', () => {
    const valid = ['::', '::1', '1::', '2001:db8::1', 'fe80::1%eth0', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', '::ffff:192.0.2.1', '1:2:3:4:5:6:192.0.2.1', 'FD00::A'];
    const invalid = ['', ':', ':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7:8::', '12345::', 'g::1', 'dead:beef', 'fe80::1%', ':1::', '1:2:3:4:5:6:7:1.2.3.4', '::1.2.3', 'eth0'];
    for (const s of valid) assert.ok(isIpv6(s), s);
    for (const s of invalid) assert.ok(!isIpv6(s), s);
  });
});

describe('secretRange', () => {
  const secretOf = (line: string): string | undefined => {
    const tree = parseFrr(line);
    const r = secretRange(tree.lines[0]!);
    return r && line.slice(r.start, r.end);
  };

  it('covers every password and key value, from its first word to the end of the line', () => {
    const cases: [string, string | undefined][] = [
      ['password zebra', 'zebra'],
      ['enable password 8 $abc', '8 $abc'],
      [' neighbor 10.0.0.1 password s3 cret', 's3 cret'],
      ['no neighbor 10.0.0.1 password', undefined],
      ['  key-string k3y', 'k3y'],
      [' ip ospf authentication-key ospfk', 'ospfk'],
      [' ip ospf message-digest-key 1 md5 digestk', '1 md5 digestk'],
      [' ipv6 ospf6 authentication key-id 1 hash-algo sha256 key sixk', 'sixk'],
      [' ip rip authentication string ripk', 'ripk'],
      [' ip nhrp authentication nhrpk', 'nhrpk'],
      [' isis password md5 isisk', 'md5 isisk'],
      [' area-password clear areak authenticate snp validate', 'clear areak authenticate snp validate'],
      [' domain-password md5 domk', 'md5 domk'],
      ['   tcp-md5-auth pcek', 'pcek'],
      [' msdp peer 10.0.0.2 password msdpk', 'msdpk'],
      ['! password in a comment', undefined],
      [' neighbor 10.0.0.1 remote-as 65001', undefined],
      ['service password-encryption', undefined],
      [' ip ospf authentication message-digest', undefined],
      [' ip rip authentication key-chain chain', undefined],
    ];
    for (const [line, secret] of cases) assert.equal(secretOf(line), secret, line);
  });
});

describe('keyword abbreviations', () => {
  it('picks the exact keyword or the only one a prefix stands for', () => {
    assert.equal(pick('uni', ['unicast', 'multicast']), 'unicast');
    assert.equal(pick('u', ['unicast', 'unreachability']), undefined);
    assert.equal(pick('ospf', ['ospf', 'ospf6']), 'ospf');
    assert.equal(pick('osp', ['ospf', 'ospf6']), undefined);
    assert.equal(pick('', ['a']), undefined);
    assert.equal(pick('x', ['a']), undefined);
  });

  it('opens nodes from abbreviated openers, settled by the rest of the line as in FRR', () => {
    assert.equal(openedNode('config', ['int', 'eth0']), 'interface');
    // As in FRR, the rest of the line settles what an abbreviation stands for (vtysh 8.4.4 agrees).
    assert.equal(openedNode('config', ['ro', 'bgp', '1']), 'bgp');
    assert.equal(openedNode('config', ['ro', 'RM', 'permit', '10']), 'route-map');
    assert.equal(openedNode('config', ['nexthop', '10.0.0.2']), 'nexthop-group', 'nexthop abbreviates nexthop-group here');
    assert.equal(openedNode('bfd', ['p', '10.0.0.1']), 'bfd-peer');
    assert.equal(openedNode('bfd', ['p', 'fast']), 'bfd-profile');
    assert.equal(openedNode('bgp', ['add', 'ipv4', 'uni']), 'bgp-ipv4');
    assert.equal(openedNode('bgp', ['address-family', 'ipv4', 'u']), undefined);
    assert.equal(openedNode('bgp', ['address-family', 'l2vpn', 'evpn']), 'bgp-evpn');
    assert.equal(openedNode('bgp', ['address-family', 'l2vpn']), undefined);
    assert.equal(openedNode('config', ['router', 'ospf6']), 'ospf6');
    assert.equal(openedNode('config', ['router', 'isis']), undefined, 'router isis needs an area tag');
    assert.equal(openedNode('config', ['no', 'router', 'bgp', '1']), undefined);
    assert.equal(openedNode('isis-srv6', ['no', 'node-msd']), undefined);
    assert.equal(openedNode('bfd-peer', ['profile', 'fast']), undefined);
    assert.equal(openedNode('bfd', ['profile', 'fast']), 'bfd-profile');
    assert.equal(openedNode('sr-policy', ['candidate-path', 'preference', '1', 'name', 'a', 'explicit', 'segment-list', 'b']), undefined);
  });

  it('lets a node accept its own commands and leaves other lines to outer nodes', () => {
    assert.ok(nodeAccepts('interface', ['ip', 'address', '10.0.0.1/24']));
    assert.ok(nodeAccepts('interface', ['ip', 'addr', '10.0.0.1/24']), 'an abbreviated second word');
    assert.ok(!nodeAccepts('interface', ['ip', 'prefix-list', 'P', 'permit', 'any']));
    assert.ok(!nodeAccepts('interface', ['ip', 'route', '0.0.0.0/0', '10.0.0.1']), 'route is not short for router');
    assert.ok(nodeAccepts('config', ['ip', 'route', '0.0.0.0/0', '10.0.0.1']));
    assert.ok(nodeAccepts('vrf', ['ip', 'route', '0.0.0.0/0', '10.0.0.1']));
    assert.ok(!nodeAccepts('vrf', ['router', 'bgp', '1']), 'router is not short for router-id');
    assert.ok(nodeAccepts('bgp', ['no', 'bgp', 'ebgp-requires-policy']));
    assert.ok(!nodeAccepts('bgp', ['bgp', 'community-list', 'standard', 'C', 'permit', '1:1']));
    assert.ok(nodeAccepts('bgp-ipv4', ['neighbor', '10.0.0.1', 'activate']));
    assert.ok(!nodeAccepts('bgp-ipv4', ['neighbor', '10.0.0.1', 'remote-as', '1']));
    assert.ok(nodeAccepts('bgp-ipv4', ['neighbor', '10.0.0.1']), 'an incomplete neighbor line stays');
    assert.ok(nodeAccepts('link-params', ['enable']));
    assert.ok(!nodeAccepts('link-params', ['enable', 'password', 'x']));
    assert.ok(!nodeAccepts('isis', ['hostname', 'r1']));
    assert.ok(nodeAccepts('isis', ['hostname', 'dynamic']));
    assert.ok(!nodeAccepts('keychain-key', ['key', 'chain', 'B']));
    assert.ok(!nodeAccepts('config', ['neighbor', '10.0.0.1', 'remote-as', '1']));
    assert.ok(nodeAccepts('rip', ['route-map', 'RM', 'in', 'eth0']));
    assert.ok(!nodeAccepts('rip', ['route-map', 'RM', 'permit', '10']), 'a route-map entry after router rip walks up');
  });
});
