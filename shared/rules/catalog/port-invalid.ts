// PORT_INVALID: containerPort 1–65535 and required, hostPort 0–65535, protocol TCP/UDP/SCTP.
import { fixTitle, msg } from '../message';
import { pointer } from '../fix';
import { isValidPortNum } from '../syntax';
import type { Rule } from '../types';
import { allPorts } from './ports';

export const portInvalid: Rule = {
  code: 'PORT_INVALID',
  severity: 'error',
  category: 'kubernetes',
  title: 'Port numbers and protocol',
  source: 'validateContainerPorts (IsValidPortNum, supportedPortProtocols)',
  explanation:
    'A port number is a 16-bit value from 1 to 65535. `containerPort` is required for every entry in `ports`; ' +
    '`hostPort` is optional (0 or unset means "not published on the node"). The protocol is TCP (the default), UDP ' +
    'or SCTP, in capitals.',
  check(ctx, report) {
    for (const p of allPorts(ctx)) {
      const { containerPort, hostPort } = p.port;
      if (containerPort === undefined || containerPort === 0)
        report(`${p.path}.containerPort`, msg('required', {}, 'Required value'));
      else if (!isValidPortNum(containerPort))
        report(
          `${p.path}.containerPort`,
          msg(
            'range',
            { value: JSON.stringify(containerPort) },
            `Invalid value: ${JSON.stringify(containerPort)}: must be between 1 and 65535, inclusive`,
          ),
        );
      if (hostPort !== undefined && hostPort !== 0 && !isValidPortNum(hostPort))
        report(
          `${p.path}.hostPort`,
          msg(
            'range',
            { value: JSON.stringify(hostPort) },
            `Invalid value: ${JSON.stringify(hostPort)}: must be between 1 and 65535, inclusive`,
          ),
        );
      const protocol = p.port.protocol;
      if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') {
        const upper = typeof protocol === 'string' ? protocol.toUpperCase() : '';
        const fix = upper === 'TCP' || upper === 'UDP' || upper === 'SCTP';
        report(
          `${p.path}.protocol`,
          msg(
            'protocol',
            { value: JSON.stringify(protocol) },
            `Unsupported value: ${JSON.stringify(protocol)}: supported values: "SCTP", "TCP", "UDP"`,
          ),
          {
            fixes: fix
              ? [
                  {
                    ...fixTitle('use', { value: upper }, `Use "${upper}"`),
                    patch: [
                      {
                        op: 'replace',
                        path: pointer('spec', p.owner.list, p.owner.index, 'ports', p.index, 'protocol'),
                        value: upper,
                      },
                    ],
                  },
                ]
              : [],
          },
        );
      }
    }
  },
};
