// What Node itself can do, for comparison with Inkstand's conditional state polls: a bare `http`
// server answering every request "304 Not Modified" from memory. Prints its port.
import http from 'node:http';

const server = http.createServer((_req, res) => {
  res.writeHead(304, { ETag: '"0123456789abcdef"', 'Cache-Control': 'no-cache' }).end();
});
server.listen(0, '127.0.0.1', () => console.log(`listening on ${server.address().port}`));
