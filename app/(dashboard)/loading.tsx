import { BalancesSkeleton } from '@/components/balances/skeleton';

export default function Loading() {
  return <BalancesSkeleton />;
}
