/** No output of any format, report or rendering ever contains a password value. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redactSecrets } from '../../../server/src/core/secrets';
import { cli, workspace } from '../../helpers/cli';
import { source } from '../../helpers/fixture';

const SECRETS = ['S3cretFrrConf', 'S3cretBgpPeer', 'S3cretFrrK8s', 'S3cretRawCfg', 'S3cretExtras'];

const FILES = {
  'tor1/frr.conf': source`
    router bgp 64512
     bgp router-id 192.0.2.1
     neighbor 192.0.2.10 remote-as 64513
     neighbor 192.0.2.10 password S3cretFrrConf
     neighbor 192.0.2.10 graceful-restart-disable
     neighbor 192.0.2.10 timers 30 20
    exit
  `,
  'metallb.yaml': source`
    apiVersion: metallb.io/v1beta2
    kind: BGPPeer
    metadata:
      name: tor1
      namespace: metallb-system
    spec:
      myASN: 64513
      peerASN: 64512
      peerAddress: 192.0.2.1
      password: S3cretBgpPeer
      enableGracefulRestart: true
      holdTime: 1s
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: bgpextras
      namespace: metallb-system
    data:
      extras: |
        router bgp 64513
          neighbor 192.0.2.1 password S3cretExtras
          bgp graceful-restart restart-time 0
  `,
  'frrk8s.yaml': source`
    apiVersion: frrk8s.metallb.io/v1beta1
    kind: FRRConfiguration
    metadata:
      name: node1
      namespace: metallb-system
    spec:
      bgp:
        routers:
          - asn: 64513
            neighbors:
              - address: 192.0.2.1
                asn: 64512
                password: "S3cretFrrK8s"
                holdTime: 2s
      raw:
        rawConfig: |
          router bgp 64513
           neighbor 192.0.2.1 password S3cretRawCfg
  `,
};

function assertClean(what: string, text: string): void {
  for (const s of SECRETS) assert.ok(!text.includes(s), `${what} contains the planted password ${s}`);
}

describe('secrets', () => {
  it('redactSecrets masks frr.conf, YAML and JSON password values but not passwordSecret', () => {
    assert.equal(redactSecrets(' neighbor 192.0.2.1 password abc def'), ' neighbor 192.0.2.1 password ********');
    assert.equal(redactSecrets('  password: "abc"'), '  password: ********');
    assert.equal(redactSecrets('"password":"abc",'), '"password":********');
    assert.equal(redactSecrets('  passwordSecret: {name: x}'), '  passwordSecret: {name: x}');
  });

  for (const args of [[], ['--format', 'json'], ['--format', 'sarif'], ['--format', 'github'], ['sessions'], ['sessions', '--format', 'json'], ['render', 'metallb.yaml'], ['render', 'frrk8s.yaml'], ['--diff', '--unsafe-fixes']]) {
    it(`grlint ${args.join(' ') || '(text)'} prints no password`, async () => {
      const dir = workspace(FILES);
      const r = await cli(dir, args);
      assert.ok(r.stdout.length > 0, 'there is output to check');
      assertClean('stdout', r.stdout);
      assertClean('stderr', r.stderr);
    });
  }
});
