import { FlowsSkeleton } from '@/components/flows/skeleton';

export default function Loading() {
  return <FlowsSkeleton variant="page" />;
}
