/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets parallel builds (several worktrees' checks on one machine) keep apart.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'bcryptjs', 'bullmq', 'exceljs'],
};

export default nextConfig;
