// Vite config (plain ESM: the lint's import resolver cannot follow Vite's own package types).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Two pages: the app, and bench.html (the frame-time benchmark's bare-vs-designer page).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { main: resolve(import.meta.dirname, 'index.html'), bench: resolve(import.meta.dirname, 'bench.html') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
