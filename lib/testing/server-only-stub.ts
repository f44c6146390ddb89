// Vitest runs outside Next's server bundle; 'server-only' would throw there, so tests alias it to this empty module.
export {};
