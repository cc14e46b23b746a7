import { PayoutDetailSkeleton } from '@/components/payouts/skeletons';

export default function Loading() {
  return <PayoutDetailSkeleton />;
}
