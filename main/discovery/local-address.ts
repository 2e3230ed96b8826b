import dgram from 'node:dgram';

/**
 * The address of our interface that packets to `remote` leave from, which is the interface the
 * request came in on. Connecting a UDP socket sends nothing; it only asks the kernel for the route.
 */
export async function localAddressFacing(remote: string): Promise<string> {
  const socket = dgram.createSocket(remote.includes(':') ? 'udp6' : 'udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.connect(9, remote, () => resolve());
    });
    return socket.address().address;
  } finally {
    socket.close();
  }
}
