// One engine connection without the request timeout, for streams that may rightly stay quiet for long.
import Docker from 'dockerode';

const streaming = new WeakMap<Docker, Docker>();

/**
 * The same engine connection without a fixed timeout: docker-modem applies its timeout to the socket for the whole
 * request, so a quiet log follow, a paused stream or an idle terminal would be cut after it. An Engine's own clients
 * have none (its agent measures progress instead); this keeps a client made elsewhere with one safe for streams.
 */
export function streamingClient(docker: Docker): Docker {
  let client = streaming.get(docker);
  if (!client) {
    const modem = Object.create(docker.modem as object) as { timeout?: number };
    modem.timeout = 0;
    client = new Docker({ modem } as Docker.DockerOptions);
    streaming.set(docker, client);
  }
  return client;
}
