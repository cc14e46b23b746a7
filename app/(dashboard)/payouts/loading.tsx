import { PayoutsSkeleton } from '@/components/payouts/skeletons';

export default function Loading() {
  return <PayoutsSkeleton />;
}
