import { describe, expect, it } from 'vitest';
import { errorDetail } from '../../main/ai/http.ts';

describe('errorDetail', () => {
  it('reads the error bodies of OpenAI, Ollama and Stable Diffusion WebUI', () => {
    expect(errorDetail('{"error":{"message":"Invalid image","type":"invalid_request_error","param":"image","code":null}}')).toBe('Invalid image — invalid_request_error');
    expect(errorDetail('{"error":"model \\"llava\\" not found, try pulling it first"}')).toBe('model "llava" not found, try pulling it first');
    expect(errorDetail('{"detail":"Not Found"}')).toBe('Not Found');
    expect(errorDetail('{"detail":[{"loc":["body","init_images"],"msg":"field required","type":"value_error.missing"}]}')).toBe('body.init_images: field required');
    expect(errorDetail('{"error":"OutOfMemoryError","detail":"","body":"","errors":"CUDA out of memory"}')).toBe('OutOfMemoryError: CUDA out of memory');
  });

  it('shortens HTML and other text, and removes the key if a service echoes it', () => {
    expect(errorDetail('<html>\n<body>502 Bad Gateway</body></html>')).toBe('<html> <body>502 Bad Gateway</body></html>');
    expect(errorDetail('{"error":{"message":"bad key sk-123"}}', 'sk-123')).toBe('bad key [secret]');
    expect(errorDetail('x'.repeat(400))).toHaveLength(301);
  });
});
